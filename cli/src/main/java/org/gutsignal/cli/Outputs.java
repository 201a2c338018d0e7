package org.gutsignal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every command does before it writes: never over one of its inputs. */
final class Outputs {

    private Outputs() {
    }

    /**
     * Refuses (exit 3) if an output is one of the inputs (same path, or the same existing file).
     *
     * @throws IllegalArgumentException naming the file
     */
    static void refuseInputs(List<Path> outputs, List<Path> inputs) throws IOException {
        for (Path out : outputs) {
            Path o = out.toAbsolutePath().normalize();
            for (Path in : inputs) {
                if (in == null) {
                    continue;
                }
                Path i = in.toAbsolutePath().normalize();
                if (o.equals(i) || Files.exists(o) && Files.exists(i) && Files.isSameFile(o, i)) {
                    throw new IllegalArgumentException(out + ": refusing to write over an input file");
                }
            }
        }
    }

    /** A file next to {@code file} (in its folder). */
    static Path sibling(Path file, String name) {
        return file.resolveSibling(name);
    }

    /** {@code TRUE} / {@code FALSE}, which R's readr and pandas both read as logical. */
    static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }
}
