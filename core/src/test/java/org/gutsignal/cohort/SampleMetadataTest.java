package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleMetadataTest {

    private static Map<String, String> cov(String sex, String age) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sex", sex);
        m.put("age", age);
        return m;
    }

    private final SampleMetadata metadata = SampleMetadata.builder()
            .add("s1", Response.RESPONDER, "Leeds", cov("F", "61"))
            .add("s2", Response.UNKNOWN, null, cov("M", "NA"))
            .add("s3", Response.NON_RESPONDER, "Oslo", cov("F", "47"))
            .add("s4", Response.RESPONDER, "Oslo", cov("M", "70"))
            .build();

    @Test
    void builderKeepsSamplesInOrderWithGroupsAndCovariatesAsText() {
        assertEquals(4, metadata.sampleCount());
        assertEquals(List.of("s1", "s2", "s3", "s4"), metadata.sampleIds());
        assertEquals(List.of(Response.RESPONDER, Response.UNKNOWN, Response.NON_RESPONDER, Response.RESPONDER),
                metadata.responses());
        assertEquals(List.of("Leeds", "", "Oslo", "Oslo"), metadata.groups(), "a null group is stored as \"\"");
        assertEquals("", metadata.group(1));
        assertEquals(Response.NON_RESPONDER, metadata.response(2));
        assertEquals(List.of("sex", "age"), metadata.covariateNames(), "order of the first sample's map");
        assertEquals(List.of("61", "NA", "47", "70"), metadata.covariate("age"));
        assertEquals(2, metadata.indexOf("s3"));
        assertEquals(-1, metadata.indexOf("s9"));
    }

    @Test
    void countsResponsesIncludingUnknown() {
        assertEquals(2, metadata.count(Response.RESPONDER));
        assertEquals(1, metadata.count(Response.NON_RESPONDER));
        assertEquals(1, metadata.count(Response.UNKNOWN));
        assertEquals("SampleMetadata[4 samples, 2 responders, 1 non-responders, 1 unknown]", metadata.toString());
    }

    @Test
    void selectReordersEverythingTogether() {
        SampleMetadata sub = metadata.select(List.of("s4", "s2"));
        assertEquals(List.of("s4", "s2"), sub.sampleIds());
        assertEquals(List.of(Response.RESPONDER, Response.UNKNOWN), sub.responses());
        assertEquals(List.of("Oslo", ""), sub.groups());
        assertEquals(List.of("sex", "age"), sub.covariateNames());
        assertEquals(List.of("M", "M"), sub.covariate("sex"));
        assertEquals(List.of("70", "NA"), sub.covariate("age"));
        assertEquals(metadata, metadata.select(metadata.sampleIds()));
        assertEquals(metadata.hashCode(), metadata.select(metadata.sampleIds()).hashCode());
        assertNotEquals(metadata, sub);
        SampleMetadata none = metadata.select(List.of());
        assertEquals(0, none.sampleCount());
        assertEquals(List.of("sex", "age"), none.covariateNames());
        assertEquals("no sample 's9' in this metadata", assertThrows(IllegalArgumentException.class,
                () -> metadata.select(List.of("s1", "s9"))).getMessage());
    }

    @Test
    void unknownCovariateListsTheKnownOnes() {
        assertEquals("no covariate 'bmi'; known: [sex, age]",
                assertThrows(IllegalArgumentException.class, () -> metadata.covariate("bmi")).getMessage());
    }

    @Test
    void listsAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> metadata.sampleIds().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> metadata.responses().set(0, Response.UNKNOWN));
        assertThrows(UnsupportedOperationException.class, () -> metadata.groups().clear());
        assertThrows(UnsupportedOperationException.class, () -> metadata.covariate("age").set(0, "1"));
    }

    @Test
    void duplicateAndEmptyIdsAreRejectedWhenBuilt() {
        SampleMetadata.Builder dup = SampleMetadata.builder().add("s1", Response.RESPONDER, "A")
                .add("s2", Response.RESPONDER, "A").add("s1", Response.NON_RESPONDER, "B");
        assertEquals("duplicate sample id 's1'",
                assertThrows(IllegalArgumentException.class, dup::build).getMessage());
        SampleMetadata.Builder empty = SampleMetadata.builder().add("s1", Response.RESPONDER, "A")
                .add("", Response.RESPONDER, "A");
        assertEquals("empty sample id at position 1",
                assertThrows(IllegalArgumentException.class, empty::build).getMessage());
    }

    @Test
    void everySampleMustHaveTheCovariatesOfTheFirst() {
        SampleMetadata.Builder b = SampleMetadata.builder().add("s1", Response.RESPONDER, "A", cov("F", "61"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add("s2", Response.RESPONDER, "A", Map.of("age", "50")));
        assertEquals("sample 's2' has covariates [age] but earlier samples have [sex, age]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add("s3", Response.RESPONDER, "A"));
        // the rejected samples were not added
        SampleMetadata m = b.add("s4", Response.NON_RESPONDER, "B", cov("M", "50")).build();
        assertEquals(List.of("s1", "s4"), m.sampleIds());
        assertEquals(List.of("61", "50"), m.covariate("age"));
        SampleMetadata.Builder noCovariates = SampleMetadata.builder().add("s1", Response.RESPONDER, "A");
        assertEquals("sample 's2' has covariates [age] but earlier samples have []",
                assertThrows(IllegalArgumentException.class,
                        () -> noCovariates.add("s2", Response.RESPONDER, "A", Map.of("age", "1"))).getMessage());
    }

    @Test
    void nullIdOrResponseIsRejected() {
        SampleMetadata.Builder b = SampleMetadata.builder();
        assertEquals("sampleId", assertThrows(NullPointerException.class,
                () -> b.add(null, Response.RESPONDER, "A")).getMessage());
        assertEquals("response", assertThrows(NullPointerException.class,
                () -> b.add("s1", null, "A")).getMessage());
        assertEquals(0, b.build().sampleCount());
    }

    @Test
    void aRejectedSampleLeavesNoTraceInTheBuilder() {
        SampleMetadata.Builder b = SampleMetadata.builder();
        Map<String, String> nullAge = new HashMap<>();
        nullAge.put("age", null);
        assertThrows(NullPointerException.class, () -> b.add("s1", Response.RESPONDER, "A", nullAge));
        SampleMetadata m = b.add("s2", Response.RESPONDER, "A", Map.of("age", "5")).build();
        assertEquals(List.of("s2"), m.sampleIds());
        assertEquals(List.of("5"), m.covariate("age"));
    }
}
