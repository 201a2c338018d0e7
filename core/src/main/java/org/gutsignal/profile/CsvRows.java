package org.gutsignal.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gutsignal.io.CohortFormatException;

/**
 * A small delimited text file read into a header and data rows, each row with its 1-based
 * line number. Lines starting with {@code #} are comments; a UTF-8 byte-order mark and CRLF
 * line ends are accepted. The delimiter is a tab for {@code .tsv}, {@code .txt} and
 * {@code .tab} files and a comma otherwise.
 */
final class CsvRows {

    /** One data row: its cells and the 1-based line it starts on. */
    record Row(long line, List<String> cells) {
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

    static CsvRows read(Path path) throws IOException, CohortFormatException {
        String name = path.toString();
        byte[] bytes = Files.readAllBytes(path);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CohortFormatException.inFile(name, "expected UTF-8 text but found bytes that are not UTF-8");
        }
        return parse(name, text, delimiterFor(name));
    }

    static CsvRows readResource(String resource) {
        try (InputStream in = CsvRows.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), ',');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CohortFormatException e) {
            throw new IllegalStateException("built-in resource is malformed: " + e.getMessage(), e);
        }
    }

    static char delimiterFor(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".tsv") || lower.endsWith(".txt") || lower.endsWith(".tab") ? '\t' : ',';
    }

    static CsvRows parse(String file, String text, char delimiter) throws CohortFormatException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        long[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setCommentMarker('#')
                .setIgnoreEmptyLines(true).get();
        List<String> header = null;
        long headerLine = 0;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                long line = lineOf(lineStarts, record.getCharacterPosition());
                List<String> cells = new ArrayList<>(record.size());
                for (String cell : record) {
                    cells.add(cell.strip());
                }
                if (header == null) {
                    header = List.copyOf(cells);
                    headerLine = line;
                } else {
                    rows.add(new Row(line, List.copyOf(cells)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw CohortFormatException.inFile(file, "expected well-formed delimited text but the parser failed: "
                    + e.getMessage());
        }
        if (header == null) {
            throw CohortFormatException.inFile(file, "expected a header line but the file is empty");
        }
        return new CsvRows(file, header, headerLine, rows);
    }

    private static long[] lineStarts(String text) {
        long[] starts = new long[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static long lineOf(long[] lineStarts, long position) {
        int i = Arrays.binarySearch(lineStarts, position);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based index of a header column, or 0 if absent. */
    int column(String name) {
        return header.indexOf(name) + 1;
    }
}
