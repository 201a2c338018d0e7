package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The help of each command, snapshot-tested. After a deliberate change, the new text is in
 * {@code cli/target/help/COMMAND.txt}: review it and copy it to {@code src/test/resources/help/}.
 */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"fit", "cv", "report"})
    void helpIsAsRecorded(String command) throws Exception {
        CliRun r = CliRun.of(command, "--help");
        assertEquals(0, r.exitCode());
        String expected;
        try (InputStream in = HelpTest.class.getResourceAsStream("/help/" + command + ".txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(r.out())) {
            Path actual = Path.of("cli/target/help/" + command + ".txt");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, r.out());
        }
        assertEquals(expected, r.out(), "help of " + command + " (new text in cli/target/help/)");
    }
}
