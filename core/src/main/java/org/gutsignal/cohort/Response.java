package org.gutsignal.cohort;

/** A patient's response to checkpoint therapy, as labelled in the metadata. */
public enum Response {
    /** Responded (for example objective response, RECIST CR or PR). */
    RESPONDER,
    /** Did not respond (for example RECIST SD or PD). */
    NON_RESPONDER,
    /** No label ({@code NA} or empty); excluded from training and evaluation. */
    UNKNOWN;

    /** 1 for a responder, 0 for a non-responder. */
    public int asBinary() {
        return switch (this) {
            case RESPONDER -> 1;
            case NON_RESPONDER -> 0;
            case UNKNOWN -> throw new IllegalStateException("an unknown response has no 0/1 value");
        };
    }

    /**
     * Checks 0/1 labels as {@link Cohort#labels()} gives them (1 = responder).
     *
     * @throws NullPointerException     if {@code labels} is null
     * @throws IllegalArgumentException if it is empty or holds a value other than 0 or 1, naming the index
     */
    public static void checkLabels(int[] labels) {
        java.util.Objects.requireNonNull(labels, "labels");
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels is empty");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1 but is " + labels[i]);
            }
        }
    }
}
