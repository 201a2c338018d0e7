package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each command's {@code --help} against the checked-in text in {@code cli/src/test/resources/help/}.
 * After a deliberate change the new text is written to {@code cli/target/help/COMMAND.txt}: review
 * it and copy it over the snapshot.
 */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"summary", "synth", "merge", "profile", "assoc", "fit", "cv", "score", "explain", "report"})
    void helpMatchesTheSnapshot(String command) throws Exception {
        String expected;
        try (InputStream in = HelpTest.class.getResourceAsStream("/help/" + command + ".txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Cli.Run r = Cli.run(command, "--help");
        assertEquals(0, r.code());
        if (!expected.equals(r.out())) {
            Path actual = Path.of("cli/target/help/" + command + ".txt");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, r.out());
        }
        assertEquals(expected, r.out(), "help of " + command + " (the new text is in cli/target/help/)");
    }
}
