package org.gutsignal.cohort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable per-sample metadata: the response label, the group (cohort, site or batch) and
 * named covariates kept as text, one value per sample.
 *
 * <pre>{@code
 * SampleMetadata m = SampleMetadata.builder()
 *         .add("s1", Response.RESPONDER, "Leeds", Map.of("age", "61"))
 *         .add("s2", Response.UNKNOWN, "Leeds", Map.of("age", "NA"))
 *         .build();
 * }</pre>
 *
 * <p>Every sample has every covariate (missing values are kept as the text the file held,
 * for example {@code "NA"}). Groups are never null; a sample without a group has {@code ""}.
 * Instances are immutable and thread-safe.
 */
public final class SampleMetadata {

    private final List<String> sampleIds;
    private final List<Response> responses;
    private final List<String> groups;
    private final Map<String, List<String>> covariates;
    private final Map<String, Integer> index;

    private SampleMetadata(List<String> sampleIds, List<Response> responses, List<String> groups,
            Map<String, List<String>> covariates) {
        this.sampleIds = List.copyOf(sampleIds);
        this.responses = List.copyOf(responses);
        this.groups = List.copyOf(groups);
        Map<String, List<String>> cov = new LinkedHashMap<>();
        covariates.forEach((k, v) -> cov.put(k, List.copyOf(v)));
        this.covariates = java.util.Collections.unmodifiableMap(cov);
        this.index = new HashMap<>(sampleIds.size() * 2);
        for (int i = 0; i < this.sampleIds.size(); i++) {
            String id = this.sampleIds.get(i);
            if (id.isEmpty()) {
                throw new IllegalArgumentException("empty sample id at position " + i);
            }
            if (index.put(id, i) != null) {
                throw new IllegalArgumentException("duplicate sample id '" + id + "'");
            }
        }
    }

    /** A builder that adds samples one at a time. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of samples. */
    public int sampleCount() {
        return sampleIds.size();
    }

    /** Sample ids in order (unmodifiable). */
    public List<String> sampleIds() {
        return sampleIds;
    }

    /** Responses in sample order (unmodifiable). */
    public List<Response> responses() {
        return responses;
    }

    /** Groups in sample order (unmodifiable; {@code ""} where a sample has none). */
    public List<String> groups() {
        return groups;
    }

    /** Names of the covariates, in the order they were added (unmodifiable). */
    public List<String> covariateNames() {
        return List.copyOf(covariates.keySet());
    }

    /**
     * One covariate's values in sample order, as text.
     *
     * @throws IllegalArgumentException if there is no such covariate
     */
    public List<String> covariate(String name) {
        List<String> v = covariates.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no covariate '" + name + "'; known: " + covariates.keySet());
        }
        return v;
    }

    /** Row index of a sample id, or -1 if absent. */
    public int indexOf(String sampleId) {
        Integer i = index.get(sampleId);
        return i == null ? -1 : i;
    }

    /** The response of sample {@code i}. */
    public Response response(int i) {
        return responses.get(i);
    }

    /** The group of sample {@code i}. */
    public String group(int i) {
        return groups.get(i);
    }

    /** Number of samples with the given response. */
    public int count(Response r) {
        int c = 0;
        for (Response x : responses) {
            if (x == r) {
                c++;
            }
        }
        return c;
    }

    /**
     * The metadata of the given samples, in the given order.
     *
     * @throws IllegalArgumentException if an id is absent
     */
    public SampleMetadata select(Collection<String> ids) {
        Builder b = new Builder();
        b.covariateOrder.addAll(covariates.keySet());
        for (String id : ids) {
            int i = indexOf(id);
            if (i < 0) {
                throw new IllegalArgumentException("no sample '" + id + "' in this metadata");
            }
            Map<String, String> cov = new LinkedHashMap<>();
            covariates.forEach((k, v) -> cov.put(k, v.get(i)));
            b.add(id, responses.get(i), groups.get(i), cov);
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleMetadata m && sampleIds.equals(m.sampleIds) && responses.equals(m.responses)
                && groups.equals(m.groups) && covariates.equals(m.covariates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sampleIds, responses, groups, covariates);
    }

    @Override
    public String toString() {
        return "SampleMetadata[" + sampleCount() + " samples, " + count(Response.RESPONDER) + " responders, "
                + count(Response.NON_RESPONDER) + " non-responders, " + count(Response.UNKNOWN) + " unknown]";
    }

    /** Collects samples for a {@link SampleMetadata}; not thread-safe. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final List<Response> responses = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();
        private final List<Map<String, String>> rows = new ArrayList<>();
        private final List<String> covariateOrder = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds one sample.
         *
         * @param group      cohort, site or batch; {@code null} is stored as {@code ""}
         * @param covariates named covariate values as text; every sample must have the same names
         */
        public Builder add(String sampleId, Response response, String group, Map<String, String> covariates) {
            Objects.requireNonNull(sampleId, "sampleId");
            Objects.requireNonNull(response, "response");
            Map<String, String> row = Map.copyOf(covariates); // rejects a null name or value before anything is added
            if (rows.isEmpty() && covariateOrder.isEmpty()) {
                covariateOrder.addAll(covariates.keySet());
            }
            if (!covariates.keySet().equals(new java.util.HashSet<>(covariateOrder))) {
                throw new IllegalArgumentException("sample '" + sampleId + "' has covariates " + covariates.keySet()
                        + " but earlier samples have " + covariateOrder);
            }
            ids.add(sampleId);
            responses.add(response);
            groups.add(group == null ? "" : group);
            rows.add(row);
            return this;
        }

        /** Adds one sample with no covariates. */
        public Builder add(String sampleId, Response response, String group) {
            return add(sampleId, response, group, Map.of());
        }

        /**
         * Builds the metadata.
         *
         * @throws IllegalArgumentException if a sample id is empty or repeated
         */
        public SampleMetadata build() {
            Map<String, List<String>> cov = new LinkedHashMap<>();
            for (String name : covariateOrder) {
                List<String> col = new ArrayList<>(rows.size());
                for (Map<String, String> row : rows) {
                    col.add(row.get(name));
                }
                cov.put(name, col);
            }
            return new SampleMetadata(ids, responses, groups, cov);
        }
    }
}
