package org.gutsignal.profile;

import java.util.Locale;

/** The expected effect of a molecule on response to immune checkpoint therapy. */
public enum Direction {
    /** Expected to favour response (catalog token {@code stimulatory}). */
    STIMULATORY,
    /** Expected to work against response (catalog token {@code inhibitory}). */
    INHIBITORY,
    /** Mixed or unknown evidence (catalog token {@code unclear}). */
    UNCLEAR;

    /** The lower-case token used in catalog files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
