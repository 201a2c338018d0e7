package org.gutsignal.cohort;

import java.io.IOException;

/**
 * A file gutsignal reads does not have the expected form: the common type of
 * {@link CohortFormatException} (tables, metadata, catalogs) and {@code model.ModelFormatException}
 * (model files), so one {@code catch} handles both. The message is
 * {@code file[, line L][, column C[ ('name')]]: problem} with 1-based line and column, the parts
 * left out where no single place is at fault; {@link #line()} and {@link #column()} then return 0.
 * Immutable.
 */
public abstract class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;

    /**
     * @param file       the file's name as the user gave it
     * @param line       1-based line, or 0 if no line is at fault
     * @param column     1-based column, or 0 if no column is at fault
     * @param columnName the column's header, or {@code null}
     * @param problem    what was expected and what was found
     * @param cause      the parser's exception, or {@code null}
     */
    protected FileFormatException(String file, long line, long column, String columnName, String problem,
            Throwable cause) {
        super(message(file, line, column, columnName, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String message(String file, long line, long column, String columnName, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column > 0) {
            sb.append(", column ").append(column);
            if (columnName != null) {
                sb.append(" ('").append(columnName).append("')");
            }
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The file's name as the user gave it. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 if the error concerns the whole file. */
    public long line() {
        return line;
    }

    /** The 1-based column index, or 0 if no single column is at fault. */
    public long column() {
        return column;
    }
}
