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
}
