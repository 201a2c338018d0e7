package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.junit.jupiter.api.Test;
import org.gutsignal.cohort.CohortFormatException;

/**
 * Loads the real Lee 2022 cohort (testdata/lee2022, unchanged copies) and joins species with
 * metadata. The species table has 164 run accessions; the metadata has 165 rows, one of which
 * (line 122, sample PRIMM0069, ORR "no") has NCBI_accession "NA":
 * {@code awk -F'\t' '$31=="NA"{print NR, $2, $28}' metadata.tsv} → {@code 122 PRIMM0069 no}.
 */
class Lee2022Test {

    private static FeatureTable species() throws Exception {
        return FeatureTableReader.metaphlan().read(FeatureTableReaderTest.testdata("lee2022/species_relab.tsv"));
    }

    private static SampleMetadata metadata() throws Exception {
        return MetadataReader.of("NCBI_accession", "ORR", ResponseMapping.YES_NO).withGroupColumn("subcohort")
                .read(FeatureTableReaderTest.testdata("lee2022/metadata.tsv"));
    }

    @Test
    void strictJoinNamesTheMetadataRowWithoutAccession() throws Exception {
        FeatureTable s = species();
        SampleMetadata m = metadata();
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> Cohort.join(s, m, JoinPolicy.STRICT, "species_relab.tsv", "metadata.tsv"));
        assertEquals("metadata.tsv: join mismatch: expected the same samples in species_relab.tsv and metadata.tsv "
                + "but 1 of metadata.tsv have no column in species_relab.tsv [NA] (use JoinPolicy.LENIENT to drop them)",
                e.getMessage());
    }

    @Test
    void everySpeciesSampleHasMetadata() throws Exception {
        FeatureTable s = species();
        Cohort c = Cohort.join(s, metadata(), JoinPolicy.LENIENT, "species_relab.tsv", "metadata.tsv");
        assertEquals(164, c.sampleCount());
        assertEquals(s.sampleIds(), c.sampleIds());
        assertEquals(List.of(), c.joinReport().missingFromMetadata());
        assertEquals(List.of("NA"), c.joinReport().missingFromFeatures());
        // ORR over all 165 rows: yes 94, no 71; the dropped row is a "no"
        assertEquals(94, c.metadata().count(Response.RESPONDER));
        assertEquals(70, c.metadata().count(Response.NON_RESPONDER));
        assertEquals(164, c.labelled().sampleCount());
        // the PRIMM-UK group loses the dropped row: 55 - 1
        assertEquals(54, c.group("PRIMM-UK").sampleCount());
    }

    @Test
    void strictJoinSucceedsOnTheAccessionedRows() throws Exception {
        FeatureTable s = species();
        SampleMetadata m = metadata();
        List<String> withAccession = m.sampleIds().stream().filter(id -> !id.equals("NA")).toList();
        Cohort c = Cohort.join(s, m.select(withAccession), JoinPolicy.STRICT, "species_relab.tsv", "metadata.tsv");
        assertEquals(164, c.sampleCount());
    }
}
