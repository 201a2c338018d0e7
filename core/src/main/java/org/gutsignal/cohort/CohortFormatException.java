package org.gutsignal.cohort;

/**
 * A user's data file does not have the expected form. The message always names the file and,
 * where one place is at fault, the 1-based line, the column (name and 1-based index) and what
 * was expected, for example:
 *
 * <pre>
 * species.tsv, line 7, column 3 ('ERR6281944'): expected a non-negative number but found 'abc'
 * </pre>
 *
 * <p>Errors about the file as a whole (an empty file, ids unmatched by a join) have no line;
 * {@link #line()} and {@link #column()} then return 0.
 */
public final class CohortFormatException extends FileFormatException {

    private static final long serialVersionUID = 1L;

    private final String columnName;

    private CohortFormatException(String file, long line, long column, String columnName, String problem) {
        super(file, line, column, columnName, problem, null);
        this.columnName = columnName;
    }

    /**
     * An error at one cell.
     *
     * @param file       the file's name as the user gave it
     * @param line       1-based line number
     * @param column     1-based column index
     * @param columnName the column's header, or {@code null} if it has none
     * @param problem    what was expected and what was found
     */
    public static CohortFormatException at(String file, long line, long column, String columnName, String problem) {
        return new CohortFormatException(file, line, column, columnName, problem);
    }

    /** An error on a whole line (no single column is at fault). */
    public static CohortFormatException atLine(String file, long line, String problem) {
        return new CohortFormatException(file, line, 0, null, problem);
    }

    /** An error about the file as a whole. */
    public static CohortFormatException inFile(String file, String problem) {
        return new CohortFormatException(file, 0, 0, null, problem);
    }

    /** The column's header, or {@code null}. */
    public String columnName() {
        return columnName;
    }
}
