package org.gutsignal.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gutsignal.io.DelimitedText;

/** Runs the command line in-process and reads what it wrote. */
final class Cli {

    /** What a run returned: exit code, standard output, standard error. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private Cli() {
    }

    static Run run(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = args[i].toString();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(a, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A delimited file's records, header first, as lists of cells. */
    static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DelimitedText.read(file, (cells, line) -> rows.add(cells));
        return rows;
    }

    /** The file's column {@code name} (header excluded). */
    static List<String> column(Path file, String name) throws IOException {
        List<List<String>> rows = rows(file);
        int c = rows.get(0).indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException(file + " has no column " + name + ": " + rows.get(0));
        }
        return rows.subList(1, rows.size()).stream().map(r -> r.get(c)).toList();
    }

    static double[] doubles(List<String> cells) {
        return cells.stream().mapToDouble(Double::parseDouble).toArray();
    }
}
