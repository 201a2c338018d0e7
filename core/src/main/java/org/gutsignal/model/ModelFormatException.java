package org.gutsignal.model;

import org.gutsignal.cohort.FileFormatException;

/**
 * A model file is not a readable gutsignal model: the JSON is malformed, a field is missing or
 * has the wrong type, or the file was written by a newer format version. The message names the
 * file and the 1-based line and column: where the parser stopped for malformed JSON, where the
 * offending value starts, or where the object lacking a field starts, for example:
 *
 * <pre>
 * model.json, line 4, column 18: malformed JSON: Unexpected character ('}' (code 125)) ...
 * model.json, line 21, column 21: field 'features[4].coefficient': expected a finite number but found "abc"
 * </pre>
 *
 * <p>{@link #line()} and {@link #column()} return 0 when no single place in the text is known
 * (an empty file, or parts of the model that disagree with each other).
 */
public final class ModelFormatException extends FileFormatException {

    private static final long serialVersionUID = 1L;

    ModelFormatException(String file, long line, long column, String problem, Throwable cause) {
        super(file, line, column, null, problem, cause);
    }
}
