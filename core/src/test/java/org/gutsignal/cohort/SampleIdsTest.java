package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleIdsTest {

    @ParameterizedTest(name = "{0} -> {1} + {2}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        // HUMAnN column names (humann_join_tables, humann_renorm_table --update-snames)
        "S1_Abundance-RPKs | S1 | _Abundance-RPKs",
        "S1_Abundance-CPM | S1 | _Abundance-CPM",
        "S1_Abundance-RELAB | S1 | _Abundance-RELAB",
        "S1_Abundance | S1 | _Abundance",
        "S1-RPKs | S1 | -RPKs",
        "S1_Coverage | S1 | _Coverage",
        // HUMAnN file names
        "S1_genefamilies.tsv | S1 | _genefamilies.tsv",
        "S1_pathabundance.tsv.gz | S1 | _pathabundance.tsv.gz",
        "S1_pathcoverage.tsv.bz2 | S1 | _pathcoverage.tsv.bz2",
        // MetaPhlAn: longest suffix first
        "S1_taxonomic_profile.tsv | S1 | _taxonomic_profile.tsv",
        "S1_metaphlan_bugs_list.tsv | S1 | _metaphlan_bugs_list.tsv",
        "S1_metaphlan_profile.txt | S1 | _metaphlan_profile.txt",
        "S1_profile.txt | S1 | _profile.txt",
        "S1_bugs_list.tabular | S1 | _bugs_list.tabular",
        "S1_profile | S1 | _profile",
        // extensions alone; one of each kind at most
        "S1.txt | S1 | .txt",
        "S1.gz | S1 | .gz",
        "S1_profile_profile | S1_profile | _profile",
        "S1.tsv.tsv | S1.tsv | .tsv",
        // nothing known, or nothing left
        "S1 | S1 | ''",
        "S1_R1 | S1_R1 | ''",
        "S1_abundance | S1_abundance | ''",
        "_profile | _profile | ''",
        "_profile.txt | _profile | .txt",
    })
    void stripsTheKnownSuffixesAndSaysWhichOnes(String id, String stripped, String suffix) {
        assertEquals(stripped, SampleIds.stripToolSuffix(id));
        assertEquals(suffix, SampleIds.toolSuffix(id));
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> SampleIds.stripToolSuffix(null));
        assertThrows(NullPointerException.class, () -> SampleIds.toolSuffix(null));
    }
}
