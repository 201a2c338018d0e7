package org.gutsignal.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.io.DelimitedText;

/**
 * A small delimited text file read into a header and data rows, each row with its 1-based
 * line number, by {@link DelimitedText} (so encoding and quoting errors name line and cell).
 * Lines whose first non-blank character is {@code #} are comments, dropped before the line is
 * split into cells (so a quote in a comment is harmless) with later line numbers unchanged; a UTF-8 byte-order mark and CRLF line ends are
 * accepted; cells are trimmed ({@link Row#cells()}) for names and ids, and kept as read
 * ({@link Row#raw()}) for numbers, which follow {@link DelimitedText#parseNumber}'s rule, spaces
 * around the digits refused. The delimiter follows the file or resource name (a tab for
 * {@code .tsv}, {@code .txt} and {@code .tab}, a comma otherwise).
 */
final class CsvRows {

    /** One data row: its cells trimmed, the 1-based line it starts on, and its cells as read. */
    record Row(long line, List<String> cells, List<String> raw) {
        Row(long line, List<String> raw) {
            this(line, raw.stream().map(String::strip).toList(), raw);
        }
    }

    final String file;
    final List<String> header;
    final long headerLine;
    final List<Row> rows;

    private CsvRows(String file, List<String> header, long headerLine, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.headerLine = headerLine;
        this.rows = rows;
    }

    static CsvRows read(Path path) throws IOException {
        List<Row> records = new ArrayList<>();
        DelimitedText.readSkippingComments(path, (cells, line) -> records.add(new Row(line, cells)));
        return of(path.toString(), records);
    }

    static CsvRows readResource(String resource) {
        try (InputStream in = CsvRows.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + resource);
            }
            List<Row> records = new ArrayList<>();
            DelimitedText.readSkippingComments(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    (cells, line) -> records.add(new Row(line, cells)));
            return of(resource, records);
        } catch (CohortFormatException e) {
            throw new IllegalStateException("built-in resource is malformed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header and rows of the records (comment lines already dropped); cells are trimmed. */
    private static CsvRows of(String file, List<Row> records) throws CohortFormatException {
        List<String> header = null;
        long headerLine = 0;
        List<Row> rows = new ArrayList<>();
        for (Row record : records) {
            if (header == null) {
                header = record.cells();
                headerLine = record.line();
            } else {
                rows.add(record);
            }
        }
        if (header == null) {
            throw CohortFormatException.inFile(file, "expected a header line but the file is empty");
        }
        return new CsvRows(file, header, headerLine, rows);
    }

    /** The 1-based index of a header column, or 0 if absent. */
    int column(String name) {
        return header.indexOf(name) + 1;
    }
}
