package org.gutsignal.io;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.gutsignal.cohort.Response;

/**
 * Which label texts of a metadata column mean responder and which mean non-responder. Matching
 * ignores case and surrounding white space. {@code NA}, {@code N/A}, {@code NaN} and an empty
 * cell always mean {@link Response#UNKNOWN}; any other text is an error, never a guess.
 *
 * <pre>{@code
 * ResponseMapping.YES_NO.map("Yes");         // RESPONDER
 * ResponseMapping.RECIST.map("SD");          // NON_RESPONDER
 * ResponseMapping.of(Set.of("good"), Set.of("poor")).map(" NA ");   // UNKNOWN
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ResponseMapping {

    private static final Set<String> UNKNOWN_LABELS = Set.of("na", "n/a", "nan", "");

    /** {@code yes} → responder, {@code no} → non-responder. */
    public static final ResponseMapping YES_NO = new ResponseMapping(Set.of("yes"), Set.of("no"));
    /** {@code R} → responder, {@code NR} → non-responder. */
    public static final ResponseMapping R_NR = new ResponseMapping(Set.of("R"), Set.of("NR"));
    /** {@code responder} → responder; {@code non_responder} or {@code non-responder} → non-responder. */
    public static final ResponseMapping RESPONDER_NON_RESPONDER = new ResponseMapping(Set.of("responder"),
            Set.of("non_responder", "non-responder"));
    /** {@code 1} → responder, {@code 0} → non-responder. */
    public static final ResponseMapping ONE_ZERO = new ResponseMapping(Set.of("1"), Set.of("0"));
    /**
     * RECIST best overall response, objective response rule: complete or partial response
     * ({@code CR}, {@code PR}) → responder; stable or progressive disease ({@code SD}, {@code PD})
     * → non-responder. Other RECIST codes (such as {@code NE}) are errors; map them explicitly
     * with {@link #of(Set, Set)} if needed.
     */
    public static final ResponseMapping RECIST = new ResponseMapping(Set.of("CR", "PR"), Set.of("SD", "PD"));

    private final Set<String> responders;     // keys: stripped, lower case
    private final Set<String> nonResponders;
    private final String accepted;

    private ResponseMapping(Set<String> responders, Set<String> nonResponders) {
        this.responders = keys(responders);
        this.nonResponders = keys(nonResponders);
        this.accepted = "responder: " + String.join(", ", new TreeSet<>(responders)) + "; non-responder: "
                + String.join(", ", new TreeSet<>(nonResponders)) + "; unknown: NA, N/A, NaN or empty";
    }

    private static Set<String> keys(Set<String> labels) {
        Set<String> out = new TreeSet<>();
        for (String label : labels) {
            out.add(key(label));
        }
        return Set.copyOf(out);
    }

    /**
     * A mapping from explicit label sets (compared ignoring case and surrounding white space).
     *
     * @throws IllegalArgumentException if a set is empty, a label is in both sets, or a label is
     *                                  one of the unknown labels {@code NA}, {@code N/A}, {@code NaN}, empty
     */
    public static ResponseMapping of(Set<String> responders, Set<String> nonResponders) {
        check(responders, "responders");
        check(nonResponders, "nonResponders");
        Set<String> nr = keys(nonResponders);
        for (String label : responders) {
            if (nr.contains(key(label))) {
                throw new IllegalArgumentException("label '" + label + "' is in both responders " + responders
                        + " and nonResponders " + nonResponders);
            }
        }
        return new ResponseMapping(Set.copyOf(responders), Set.copyOf(nonResponders));
    }

    private static void check(Set<String> labels, String what) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(what + " must hold at least one label");
        }
        for (String label : labels) {
            if (UNKNOWN_LABELS.contains(key(Objects.requireNonNull(label, what)))) {
                throw new IllegalArgumentException(what + " label '" + label
                        + "' is reserved for an unknown response (NA, N/A, NaN, empty)");
            }
        }
    }

    private static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The response a label means.
     *
     * @throws IllegalArgumentException if the label is neither a responder, a non-responder nor an
     *                                  unknown label; the message names the label and the accepted ones
     */
    public Response map(String label) {
        Response r = lookup(label);
        if (r == null) {
            throw new IllegalArgumentException("expected a response label (" + accepted() + ") but found '"
                    + label + "'");
        }
        return r;
    }

    /** The response, or {@code null} if the label is not accepted. */
    Response lookup(String label) {
        String key = key(label);
        if (responders.contains(key)) {
            return Response.RESPONDER;
        }
        if (nonResponders.contains(key)) {
            return Response.NON_RESPONDER;
        }
        return UNKNOWN_LABELS.contains(key) ? Response.UNKNOWN : null;
    }

    /** The accepted labels, e.g. {@code responder: yes; non-responder: no; unknown: NA, N/A, NaN or empty}. */
    String accepted() {
        return accepted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseMapping m && responders.equals(m.responders) && nonResponders.equals(m.nonResponders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(responders, nonResponders);
    }

    @Override
    public String toString() {
        return "ResponseMapping[" + accepted() + "]";
    }
}
