package org.gutsignal.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;

/**
 * A labelled {@link Cohort} as plain serializable data (the core's types are not {@link Serializable}), broadcast to
 * the executors and rebuilt there into an equal cohort: the same ids, names, unit, doubles (copied, never computed),
 * responses, groups and covariates, so a learner fitted on it there fits what it fits on the driver. The join report
 * is not carried (no learner reads it).
 */
final class CohortSnapshot implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> sampleIds;
    private final List<String> features;
    private final double[] values;
    private final String unit;
    private final int[] labels;
    private final List<String> groups;
    private final List<String> covariateNames;
    private final List<List<String>> covariates;
    /** Equal snapshots have equal keys (the executors' cache key). */
    final String key;

    private CohortSnapshot(Cohort c) {
        FeatureTable t = c.features();
        SampleMetadata m = c.metadata();
        sampleIds = new ArrayList<>(t.sampleIds());
        features = new ArrayList<>(t.featureNames());
        values = t.toRowMajorArray();
        unit = t.unit().name();
        labels = c.labels();
        groups = new ArrayList<>(m.groups());
        covariateNames = new ArrayList<>(m.covariateNames());
        covariates = new ArrayList<>();
        for (String name : covariateNames) {
            covariates.add(new ArrayList<>(m.covariate(name)));
        }
        key = "cohort " + java.util.UUID.randomUUID();
    }

    /**
     * The snapshot of a cohort's labelled samples ({@link Cohort#labelled()}), in cohort order.
     *
     * @throws IllegalStateException if no sample is labelled
     */
    static CohortSnapshot of(Cohort cohort) {
        Cohort c = cohort.labelled();
        if (c.sampleCount() == 0) {
            throw new IllegalStateException("the cohort has no sample of known response");
        }
        return new CohortSnapshot(c);
    }

    /** The observed 0/1 labels, in sample order (a copy). */
    int[] labels() {
        return labels.clone();
    }

    /** The groups, in sample order, as the core's splitters take them. */
    String[] groups() {
        return groups.toArray(new String[0]);
    }

    /** The cohort, with these 0/1 labels (the observed ones or a permutation). */
    Cohort cohort(int[] y) {
        FeatureTable t = FeatureTable.ofRowMajor(sampleIds, features, values, AbundanceUnit.valueOf(unit));
        SampleMetadata.Builder b = SampleMetadata.builder();
        for (int i = 0; i < sampleIds.size(); i++) {
            Map<String, String> cov = new LinkedHashMap<>();
            for (int k = 0; k < covariateNames.size(); k++) {
                cov.put(covariateNames.get(k), covariates.get(k).get(i));
            }
            b.add(sampleIds.get(i), y[i] == 1 ? Response.RESPONDER : Response.NON_RESPONDER, groups.get(i), cov);
        }
        return Cohort.of(t, b.build());
    }
}
