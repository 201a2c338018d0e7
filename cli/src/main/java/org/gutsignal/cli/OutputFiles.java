package org.gutsignal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one rule every command applies to the files it writes: never over one of its inputs. The
 * library's writers are atomic, so writing over an input would not corrupt the read, but it would
 * silently replace a user's data with a result; the commands refuse instead (exit 3).
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Refuses {@code output} if it is one of {@code inputs} (null entries are skipped): the same
     * file by {@link Files#isSameFile} when both exist, else the same normalised absolute path.
     *
     * @throws IllegalArgumentException naming the output, the option it came from and the input
     * @throws IOException              if the file system cannot compare two existing files
     */
    static void refuseInput(Path output, String option, Iterable<Path> inputs) throws IOException {
        for (Path in : inputs) {
            if (in != null && same(output, in)) {
                throw new IllegalArgumentException(option + " " + output + " is the input file " + in
                        + ": choose another output, gutsignal never writes over its inputs");
            }
        }
    }

    /** {@code x.tsv} → {@code x.<tag>.tsv} in the same folder ({@code x} → {@code x.<tag>}): a file written next to an output. */
    static Path sibling(Path output, String tag) {
        String name = Objects.requireNonNull(output.getFileName(), "output file name").toString();
        int dot = name.lastIndexOf('.');
        String sibling = dot <= 0 ? name + "." + tag : name.substring(0, dot) + "." + tag + name.substring(dot);
        return output.resolveSibling(sibling);
    }

    /** {@link #refuseInput} for every one of {@code outputs} (written by the same command, option {@code -o}). */
    static void refuseInputs(Iterable<Path> outputs, Iterable<Path> inputs) throws IOException {
        for (Path out : outputs) {
            refuseInput(out, "-o", inputs);
        }
    }

    /** {@code TRUE} / {@code FALSE}, which R's readr and pandas both read as logical. */
    static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    private static boolean same(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
