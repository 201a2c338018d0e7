package org.gutsignal.spark;

/**
 * The message a person should read from a failed Spark job: Spark wraps a task's exception in its own
 * ({@code Job aborted due to stage failure: … most recent failure: Lost task …}); the first cause that gutsignal or
 * the core threw says what was wrong with which file.
 */
public final class Errors {

    private Errors() {
    }

    /**
     * The innermost message of {@code e}'s cause chain that does not come from Spark's task machinery, or
     * {@code e}'s own message if there is none.
     */
    public static String message(Throwable e) {
        Throwable best = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (!t.getClass().getName().startsWith("org.apache.spark.") && t.getMessage() != null) {
                best = t;
                break;
            }
        }
        String m = best.getMessage();
        return m == null ? best.getClass().getSimpleName() : m;
    }
}
