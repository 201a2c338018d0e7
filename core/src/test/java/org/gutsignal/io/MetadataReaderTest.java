package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.junit.jupiter.api.Test;

class MetadataReaderTest {

    private static final Path LEE = FeatureTableReaderTest.testdata("lee2022/metadata.tsv");

    @Test
    void leeOrrCountsMatchAwk() throws Exception {
        SampleMetadata m = MetadataReader.of("NCBI_accession", "ORR", ResponseMapping.YES_NO)
                .withGroupColumn("subcohort").read(LEE);
        // awk -F'\t' 'NR>1{c[$28]++} END{for(k in c) print k, c[k]}' metadata.tsv   (column 28 = ORR)
        //   -> yes 94, no 71
        assertEquals(165, m.sampleCount());
        assertEquals(94, m.count(Response.RESPONDER));
        assertEquals(71, m.count(Response.NON_RESPONDER));
        assertEquals(0, m.count(Response.UNKNOWN));
        // awk -F'\t' 'NR>1{c[$22]++} END{for(k in c) print k, c[k]}' metadata.tsv   (column 22 = subcohort)
        //   -> Barcelona 12, Leeds 43, PRIMM-NL 55, PRIMM-UK 55
        assertEquals(12, Collections.frequency(m.groups(), "Barcelona"));
        assertEquals(43, Collections.frequency(m.groups(), "Leeds"));
        assertEquals(55, Collections.frequency(m.groups(), "PRIMM-NL"));
        assertEquals(55, Collections.frequency(m.groups(), "PRIMM-UK"));
        assertEquals(List.of(), m.covariateNames());
        assertEquals("ERR6281997", m.sampleIds().get(0));
        // awk -F'\t' '$31=="NA"{print NR}' metadata.tsv -> 122: one row (PRIMM0069) has no accession, kept as text "NA"
        assertEquals(120, m.indexOf("NA"));
    }

    @Test
    void leeRecistCountsMatchAwkIncludingUnknown() throws Exception {
        SampleMetadata m = MetadataReader.of("sample_id", "RECIST", ResponseMapping.RECIST)
                .withCovariates("age", "gender").read(LEE);
        // awk -F'\t' 'NR>1{c[$27]++} END{for(k in c) print k, c[k]}' metadata.tsv   (column 27 = RECIST)
        //   -> PD 69, SD 28, CR 22, PR 43, NA 3
        assertEquals(22 + 43, m.count(Response.RESPONDER));
        assertEquals(69 + 28, m.count(Response.NON_RESPONDER));
        assertEquals(3, m.count(Response.UNKNOWN));
        assertEquals(List.of("age", "gender"), m.covariateNames());
        assertEquals("46.0", m.covariate("age").get(0));
        assertEquals("male", m.covariate("gender").get(0));
        assertEquals("", m.group(0));
    }

    @Test
    void allCovariatesAreEveryOtherColumnInFileOrder() throws Exception {
        SampleMetadata m = MetadataReader.of("NCBI_accession", "ORR", ResponseMapping.YES_NO)
                .withGroupColumn("subcohort").withAllCovariates().read(LEE);
        // 31 columns minus join, response and group
        assertEquals(28, m.covariateNames().size());
        assertEquals("study_name", m.covariateNames().get(0));
        assertEquals("curator", m.covariateNames().get(27));
        assertEquals("Andrew_Malthez_Thomas;Paolo_Manghi", m.covariate("curator").get(0));
    }

    @Test
    void conflictingColumnRolesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetadataReader.of("id", "ORR", ResponseMapping.YES_NO).withGroupColumn("site")
                        .withCovariates("age", "site"));
        assertEquals("covariate 'site' is also the group column", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetadataReader.of("id", "id", ResponseMapping.YES_NO));
        assertThrows(IllegalArgumentException.class,
                () -> MetadataReader.of("id", "ORR", ResponseMapping.YES_NO).withGroupColumn("ORR"));
        assertThrows(IllegalArgumentException.class,
                () -> MetadataReader.of("id", "ORR", ResponseMapping.YES_NO).withCovariates("age", "age"));
    }
}
