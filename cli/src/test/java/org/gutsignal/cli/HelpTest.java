package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each command's {@code --help} against the checked-in text in {@code cli/src/test/resources/help/}.
 * After changing a command's options or description on purpose, regenerate the file with
 * {@code java -jar cli/target/gutsignal.jar COMMAND --help > cli/src/test/resources/help/COMMAND.txt}.
 */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"merge", "profile", "assoc", "score", "explain"})
    void helpMatchesTheSnapshot(String command) throws Exception {
        String expected;
        try (InputStream in = HelpTest.class.getResourceAsStream("/help/" + command + ".txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Cli.Run r = Cli.run(command, "--help");
        assertEquals(0, r.code());
        assertEquals(expected, r.out(), "regenerate with: java -jar cli/target/gutsignal.jar " + command
                + " --help > cli/src/test/resources/help/" + command + ".txt");
    }
}
