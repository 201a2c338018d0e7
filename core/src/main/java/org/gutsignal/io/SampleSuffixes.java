package org.gutsignal.io;

import java.util.List;
import java.util.Locale;

/**
 * The suffixes the bioBakery tools and their users' file names add to sample ids, stripped so
 * that table ids join with metadata ids. Stateless; package-private.
 */
final class SampleSuffixes {

    /** Compression and text-file extensions, removed from file names (repeatedly, in any order). */
    private static final List<String> EXTENSIONS = List.of(".gz", ".bz2", ".xz", ".txt", ".tsv", ".tabular", ".tab",
            ".csv");
    /** Tool suffixes, longest first so that {@code _Abundance-RPKs} wins over {@code _Abundance}. */
    private static final List<String> TOOL_SUFFIXES = List.of("_Abundance-RELAB", "_Abundance-RPKs", "_Abundance-CPM",
            "_metaphlan_bugs_list", "_taxonomic_profile", "_metaphlan_profile", "_pathabundance", "_genefamilies",
            "_pathcoverage", "_Abundance", "_bugs_list", "_Coverage", "_profile", "-RPKs", "-RELAB", "-CPM");

    private SampleSuffixes() {
    }

    /** A file name without its compression and text extensions, e.g. {@code S1_profile.txt.gz → S1_profile}. */
    static String withoutExtensions(String fileName) {
        String s = fileName;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String ext : EXTENSIONS) {
                if (s.length() > ext.length() && s.toLowerCase(Locale.ROOT).endsWith(ext)) {
                    s = s.substring(0, s.length() - ext.length());
                    changed = true;
                }
            }
        }
        return s;
    }

    /** The id without file extensions and one tool suffix, or the id itself if that would leave nothing. */
    static String strip(String id) {
        String s = withoutExtensions(id);
        for (String suffix : TOOL_SUFFIXES) {
            if (s.length() > suffix.length() && s.endsWith(suffix)) {
                return s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }
}
