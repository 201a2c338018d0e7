package org.gutsignal.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link FeatureTable} joined with its {@link SampleMetadata}: both hold the same samples
 * in the same order. A cohort may contain samples with an {@link Response#UNKNOWN unknown}
 * response; {@link #labelled()} drops them for training and evaluation.
 *
 * <pre>{@code
 * Cohort c = Cohort.join(species, metadata, JoinPolicy.LENIENT, "species.tsv", "metadata.tsv");
 * System.out.println(c.joinReport());   // what was dropped and why
 * Cohort train = c.labelled();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Cohort {

    /**
     * What a join did.
     *
     * @param missingFromMetadata feature-table samples with no metadata row (dropped)
     * @param missingFromFeatures metadata samples with no feature-table row (dropped)
     * @param unknownLabels       kept samples whose response is unknown
     */
    public record JoinReport(List<String> missingFromMetadata, List<String> missingFromFeatures, int unknownLabels) {
        public JoinReport {
            missingFromMetadata = List.copyOf(missingFromMetadata);
            missingFromFeatures = List.copyOf(missingFromFeatures);
        }

        @Override
        public String toString() {
            return missingFromMetadata.size() + " samples dropped for lacking metadata, " + missingFromFeatures.size()
                    + " metadata rows dropped for lacking features, " + unknownLabels + " samples with unknown response";
        }
    }

    private static final int MAX_LISTED = 10;

    private final FeatureTable features;
    private final SampleMetadata metadata;
    private final JoinReport report;

    private Cohort(FeatureTable features, SampleMetadata metadata, JoinReport report) {
        this.features = features;
        this.metadata = metadata;
        this.report = report;
    }

    /**
     * A cohort from a table and metadata that already hold the same samples in the same order.
     *
     * @throws IllegalArgumentException if the sample ids differ
     */
    public static Cohort of(FeatureTable features, SampleMetadata metadata) {
        if (!features.sampleIds().equals(metadata.sampleIds())) {
            throw new IllegalArgumentException("feature table and metadata hold different samples or orders");
        }
        return new Cohort(features, metadata, new JoinReport(List.of(), List.of(), metadata.count(Response.UNKNOWN)));
    }

    /**
     * Joins a feature table with metadata on sample id, in the feature table's order.
     *
     * @param featureSource  the feature table's file name, for messages
     * @param metadataSource the metadata's file name, for messages
     * <p>When ids do not match, the message also says what would make them match if the unmatched
     * ids of the two sides pair up after one change: a suffix or prefix on one side (such as
     * HUMAnN's {@code _Abundance-RPKs}, see {@link SampleIds}), letter case, the separators
     * {@code -}, {@code _} and {@code .}, or leading zeros. For example {@code …; the ids of
     * genes.tsv end in '_Abundance-RPKs' where those of meta.tsv do not ('S1_Abundance-RPKs' vs
     * 'S1'; 2 of the 2 unmatched ids of genes.tsv): strip the suffix (FeatureTableReader strips known
     * HUMAnN/MetaPhlAn suffixes by default) or rename the ids}.
     *
     * @throws CohortFormatException if the policy is {@link JoinPolicy#STRICT} and a sample is on
     *                               one side only (up to ten ids of each side are listed), or if
     *                               no sample is on both sides
     */
    public static Cohort join(FeatureTable features, SampleMetadata metadata, JoinPolicy policy,
            String featureSource, String metadataSource) throws CohortFormatException {
        Objects.requireNonNull(policy, "policy");
        List<String> both = new ArrayList<>();
        List<String> noMetadata = new ArrayList<>();
        for (String id : features.sampleIds()) {
            (metadata.indexOf(id) >= 0 ? both : noMetadata).add(id);
        }
        List<String> noFeatures = new ArrayList<>();
        for (String id : metadata.sampleIds()) {
            if (features.indexOfSample(id) < 0) {
                noFeatures.add(id);
            }
        }
        if (policy == JoinPolicy.STRICT && !(noMetadata.isEmpty() && noFeatures.isEmpty())) {
            StringBuilder sb = new StringBuilder("join mismatch: expected the same samples in ").append(featureSource)
                    .append(" and ").append(metadataSource).append(" but ");
            if (!noMetadata.isEmpty()) {
                sb.append(noMetadata.size()).append(" of ").append(featureSource).append(" have no metadata row ")
                        .append(list(noMetadata));
                if (!noFeatures.isEmpty()) {
                    sb.append(" and ");
                }
            }
            if (!noFeatures.isEmpty()) {
                sb.append(noFeatures.size()).append(" of ").append(metadataSource).append(" have no column in ")
                        .append(featureSource).append(' ').append(list(noFeatures));
            }
            sb.append(" (use JoinPolicy.LENIENT to drop them)");
            throw CohortFormatException.inFile(metadataSource, withHint(sb.toString(), "; ", noMetadata, noFeatures,
                    featureSource, metadataSource));
        }
        if (both.isEmpty()) {
            throw CohortFormatException.inFile(metadataSource, withHint("join: no sample id of " + featureSource
                    + " is in " + metadataSource + " (first ids: " + list(features.sampleIds()) + " vs "
                    + list(metadata.sampleIds()) + "); is the join column right?", " Perhaps ", noMetadata,
                    noFeatures, featureSource, metadataSource));
        }
        FeatureTable f = features.selectSamples(both);
        SampleMetadata m = metadata.select(both);
        return new Cohort(f, m, new JoinReport(noMetadata, noFeatures, m.count(Response.UNKNOWN)));
    }

    /** The message, then {@code lead} and {@link IdMatching}'s hint if it has one. */
    private static String withHint(String message, String lead, List<String> noMetadata, List<String> noFeatures,
            String featureSource, String metadataSource) {
        return IdMatching.hint(noMetadata, noFeatures, featureSource, metadataSource)
                .map(hint -> message + lead + hint).orElse(message);
    }

    private static String list(List<String> ids) {
        List<String> head = ids.subList(0, Math.min(MAX_LISTED, ids.size()));
        return "[" + String.join(", ", head) + (ids.size() > MAX_LISTED ? ", …" : "") + "]";
    }

    /** The feature table, in the cohort's sample order. */
    public FeatureTable features() {
        return features;
    }

    /** The metadata, in the cohort's sample order. */
    public SampleMetadata metadata() {
        return metadata;
    }

    /** What the join dropped and how many samples lack a label. */
    public JoinReport joinReport() {
        return report;
    }

    /** Number of samples. */
    public int sampleCount() {
        return features.sampleCount();
    }

    /** Sample ids in order. */
    public List<String> sampleIds() {
        return features.sampleIds();
    }

    /** The cohort without samples of unknown response; the join report is kept. */
    public Cohort labelled() {
        if (metadata.count(Response.UNKNOWN) == 0) {
            return this;
        }
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < sampleCount(); i++) {
            if (metadata.response(i) != Response.UNKNOWN) {
                keep.add(features.sampleIds().get(i));
            }
        }
        return new Cohort(features.selectSamples(keep), metadata.select(keep), report);
    }

    /**
     * Labels as 0/1 (1 = responder).
     *
     * @throws IllegalStateException if a sample's response is unknown (call {@link #labelled()} first)
     */
    public int[] labels() {
        int[] y = new int[sampleCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = metadata.response(i).asBinary();
        }
        return y;
    }

    /** The sub-cohort of the samples at the given indices, in that order. */
    public Cohort selectSamples(int[] indices) {
        List<String> ids = new ArrayList<>(indices.length);
        for (int i : indices) {
            ids.add(features.sampleIds().get(i));
        }
        return new Cohort(features.selectSamples(ids), metadata.select(ids), report);
    }

    /** The sub-cohort of the samples in a group (cohort, site or batch). */
    public Cohort group(String group) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < sampleCount(); i++) {
            if (metadata.group(i).equals(group)) {
                idx.add(i);
            }
        }
        return selectSamples(idx.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The same samples and metadata with another feature table (same sample order required). */
    public Cohort withFeatures(FeatureTable newFeatures) {
        if (!newFeatures.sampleIds().equals(features.sampleIds())) {
            throw new IllegalArgumentException("the new feature table holds different samples or orders");
        }
        return new Cohort(newFeatures, metadata, report);
    }

    @Override
    public String toString() {
        return "Cohort[" + features + ", " + metadata + "]";
    }
}
