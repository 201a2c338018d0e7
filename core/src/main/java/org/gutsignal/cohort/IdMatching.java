package org.gutsignal.cohort;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Why the unmatched sample ids of a join do not match, as a hint for {@link Cohort#join}'s
 * message. Each rule pairs an unmatched id of one side with an unmatched id of the other:
 *
 * <ol>
 *   <li>suffix: one side's id is the other's plus a suffix ({@code S1_Abundance-RPKs} and
 *       {@code S1}); the hint names the known tool suffixes of {@link SampleIds};</li>
 *   <li>prefix: one side's id is a prefix plus the other's ({@code HMP_S1} and {@code S1});</li>
 *   <li>case: the ids differ only in letter case ({@code s1} and {@code S1});</li>
 *   <li>separators: the ids differ only in {@code -}, {@code _} and {@code .} ({@code S-1} and
 *       {@code S_1});</li>
 *   <li>leading zeros: the ids differ only in leading zeros of a number ({@code S001} and
 *       {@code S1}).</li>
 * </ol>
 *
 * <p>A suffix or prefix must not cut a run of letters or a run of digits in two, so {@code S10}
 * is not {@code S1} plus {@code "0"}. The hint is that of the rule that pairs the most ids; ties go
 * to the rule first in the list (and, among affixes, to the longer affix, then to the one seen
 * first). The result depends only on the ids and their order.
 */
final class IdMatching {

    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<![0-9])0+(?=[0-9])");

    /** One rule's finding: how many ids of the first side it pairs, and the hint's text. */
    private record Finding(int paired, String text) {
    }

    private IdMatching() {
    }

    /**
     * A hint for making the ids match, or empty if no rule pairs any of them.
     *
     * @param featureIds     feature-table ids without a metadata row
     * @param metadataIds    metadata ids without a feature-table row
     * @param featureSource  the feature table's name, for the message
     * @param metadataSource the metadata's name, for the message
     */
    static Optional<String> hint(List<String> featureIds, List<String> metadataIds, String featureSource,
            String metadataSource) {
        Finding best = null;
        Finding[] findings = {
            affix(featureIds, metadataIds, true, featureSource, metadataSource, true),
            affix(metadataIds, featureIds, true, metadataSource, featureSource, false),
            affix(featureIds, metadataIds, false, featureSource, metadataSource, true),
            affix(metadataIds, featureIds, false, metadataSource, featureSource, false),
            differing(featureIds, metadataIds, id -> id.toLowerCase(Locale.ROOT), "only in letter case",
                    featureSource, metadataSource),
            differing(featureIds, metadataIds, id -> id.replace('-', '_').replace('.', '_'),
                    "only in the separators '-', '_' and '.'", featureSource, metadataSource),
            differing(featureIds, metadataIds, id -> LEADING_ZEROS.matcher(id).replaceAll(""),
                    "only in leading zeros", featureSource, metadataSource),
        };
        for (Finding f : findings) {
            if (f != null && (best == null || f.paired > best.paired)) {
                best = f;
            }
        }
        return Optional.ofNullable(best).map(Finding::text);
    }

    /**
     * The affix (suffix if {@code suffix}, else prefix) that the most ids of {@code longer} have
     * over an id of {@code shorter}, or null.
     */
    private static Finding affix(List<String> longer, List<String> shorter, boolean suffix, String longerSource,
            String shorterSource, boolean longerIsFeatures) {
        Set<String> targets = new HashSet<>(shorter);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String[]> examples = new HashMap<>();
        for (String id : longer) {
            for (int cut = 1; cut < id.length(); cut++) {
                String kept = suffix ? id.substring(0, cut) : id.substring(cut);
                String affix = suffix ? id.substring(cut) : id.substring(0, cut);
                if (targets.contains(kept) && !sameKind(id.charAt(cut - 1), id.charAt(cut))) {
                    counts.merge(affix, 1, Integer::sum);
                    examples.putIfAbsent(affix, new String[] {id, kept});
                }
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)
                    || e.getValue().equals(counts.get(best)) && e.getKey().length() > best.length()) {
                best = e.getKey();
            }
        }
        if (best == null) {
            return null;
        }
        String[] example = examples.get(best);
        boolean known = suffix && SampleIds.toolSuffix(example[0]).equals(best);
        String how = !known ? ""
                : longerIsFeatures ? " (FeatureTableReader strips known HUMAnN/MetaPhlAn suffixes by default)"
                : " (SampleIds.stripToolSuffix strips known HUMAnN/MetaPhlAn suffixes)";
        return new Finding(counts.get(best), "the ids of " + longerSource + (suffix ? " end in '" : " start with '")
                + best + "' where those of " + shorterSource + " do not ('" + example[0] + "' vs '" + example[1]
                + "'; " + counts.get(best) + " of the " + longer.size() + " unmatched ids of " + longerSource
                + "): strip the " + (suffix ? "suffix" : "prefix") + how + " or rename the ids");
    }

    /** Whether two characters are both letters or both digits (an affix may not fall between them). */
    private static boolean sameKind(char a, char b) {
        return Character.isLetter(a) && Character.isLetter(b) || Character.isDigit(a) && Character.isDigit(b);
    }

    /** How many feature ids equal a metadata id once both are normalised by {@code key}, or null if none. */
    private static Finding differing(List<String> featureIds, List<String> metadataIds, UnaryOperator<String> key,
            String how, String featureSource, String metadataSource) {
        Map<String, String> byKey = new HashMap<>();
        for (String id : metadataIds) {
            byKey.putIfAbsent(key.apply(id), id);
        }
        int paired = 0;
        String[] example = null;
        for (String id : featureIds) {
            String partner = byKey.get(key.apply(id));
            if (partner != null) {
                paired++;
                if (example == null) {
                    example = new String[] {id, partner};
                }
            }
        }
        return paired == 0 ? null : new Finding(paired, "the ids of " + featureSource + " and " + metadataSource
                + " differ " + how + " ('" + example[0] + "' vs '" + example[1] + "'; " + paired + " of the "
                + featureIds.size() + " unmatched ids of " + featureSource + "): ids are compared exactly, so "
                + "rename the ids of one side");
    }
}
