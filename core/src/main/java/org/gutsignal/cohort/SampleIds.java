package org.gutsignal.cohort;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suffixes that HUMAnN and MetaPhlAn (and the file names they write) add to a sample id, in
 * one place: the readers strip them, and {@link Cohort#join} names them when ids do not match.
 *
 * <pre>{@code
 * SampleIds.stripToolSuffix("S1_Abundance-RPKs");         // "S1"
 * SampleIds.toolSuffix("S1_genefamilies.tsv.gz");         // "_genefamilies.tsv.gz"
 * SampleIds.stripToolSuffix("S1");                        // "S1" (nothing to strip)
 * }</pre>
 *
 * <p>An id loses, from its end and in this order: at most one compression extension
 * ({@code .gz}, {@code .bz2}), at most one file extension ({@code .tabular}, {@code .tsv},
 * {@code .txt}) and at most one tool suffix, the longest that matches:
 * {@code _Abundance-RPKs}, {@code _Abundance-CPM}, {@code _Abundance-RELAB}, {@code _Abundance},
 * {@code -RPKs}, {@code -CPM}, {@code -RELAB}, {@code _Coverage}, {@code _genefamilies}, {@code _pathabundance},
 * {@code _pathcoverage}, {@code _taxonomic_profile}, {@code _metaphlan_bugs_list},
 * {@code _metaphlan_profile}, {@code _profile}, {@code _bugs_list}. HUMAnN writes
 * {@code _Abundance-RPKs} (gene families), {@code _Abundance} (pathways) and {@code _Coverage}
 * (pathway coverage) after the sample's name, {@code humann_renorm_table --update-snames} turns
 * {@code -RPKs} into {@code -CPM} or {@code -RELAB}; its files end in {@code _genefamilies},
 * {@code _pathabundance}, {@code _pathcoverage}. MetaPhlAn's merged tables name a column after its profile's file
 * ({@code _profile}, {@code _metaphlan_bugs_list}; bioBakery workflows write
 * {@code _taxonomic_profile}). Matching is case-sensitive. An id that is nothing but a suffix
 * (such as {@code _profile}) is kept whole, so a stripped id is never empty.
 *
 * <p>Stateless and thread-safe.
 */
public final class SampleIds {

    /** Tool suffixes, tried longest first so that {@code _metaphlan_profile} wins over {@code _profile}. */
    private static final List<String> TOOL_SUFFIXES = Stream.of("_Abundance-RPKs", "_Abundance-CPM",
            "_Abundance-RELAB", "_Abundance", "-RPKs", "-CPM", "-RELAB", "_Coverage", "_genefamilies", "_pathabundance", "_pathcoverage",
            "_taxonomic_profile", "_metaphlan_bugs_list", "_metaphlan_profile", "_profile", "_bugs_list")
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final List<String> FILE_EXTENSIONS = List.of(".tabular", ".tsv", ".txt");
    private static final List<String> COMPRESSIONS = List.of(".bz2", ".gz");

    private SampleIds() {
    }

    /**
     * The id without the known tool suffix and file extensions, or the same id if it has none.
     *
     * @throws NullPointerException if {@code id} is null
     */
    public static String stripToolSuffix(String id) {
        return id.substring(0, id.length() - toolSuffix(id).length());
    }

    /**
     * A file name without its compression and file extensions, e.g. {@code S1_profile.txt.gz →
     * S1_profile}: the sample name of a single-sample file before any tool suffix is stripped.
     *
     * @throws NullPointerException if {@code fileName} is null
     */
    public static String withoutFileExtensions(String fileName) {
        int end = fileName.length();
        end -= endingIn(fileName, end, COMPRESSIONS).length();
        end -= endingIn(fileName, end, FILE_EXTENSIONS).length();
        return fileName.substring(0, end);
    }

    /**
     * What {@link #stripToolSuffix} removes from {@code id}: for example {@code "_Abundance-RPKs"}
     * or {@code "_profile.txt"}, or {@code ""} if nothing.
     *
     * @throws NullPointerException if {@code id} is null
     */
    public static String toolSuffix(String id) {
        int end = id.length();
        end -= endingIn(id, end, COMPRESSIONS).length();
        end -= endingIn(id, end, FILE_EXTENSIONS).length();
        end -= endingIn(id, end, TOOL_SUFFIXES).length();
        return end == 0 ? "" : id.substring(end);
    }

    /** The first of {@code suffixes} that {@code id.substring(0, end)} ends in (shorter than it), or "". */
    private static String endingIn(String id, int end, List<String> suffixes) {
        for (String s : suffixes) {
            if (s.length() < end && id.startsWith(s, end - s.length())) {
                return s;
            }
        }
        return "";
    }
}
