package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureTableReaderTest {

    static Path testdata(String relative) {
        return Path.of(System.getProperty("gutsignal.testdata", "../testdata")).resolve(relative);
    }

    private static final FeatureTable EXPECTED_WELLFORMED = FeatureTable.of(List.of("s1", "s2"),
            List.of("K00001", "K00002"), new double[][] {{1, 2}, {3, 4}}, AbundanceUnit.COUNTS);

    /** BOM, CRLF, lone CR, trailing blank lines (and a line of empty cells), no final newline: all the same table. */
    @ParameterizedTest
    @ValueSource(strings = {"bom.csv", "crlf.csv", "cr_only.csv", "trailing_blank_lines.tsv", "no_final_newline.tsv"})
    void wellFormedVariantsGiveTheSameTable(String file) throws Exception {
        FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS)
                .read(MalformedInputTest.resource("wellformed/" + file));
        assertEquals(EXPECTED_WELLFORMED, t);
    }

    @Test
    void quotedCellsMayHoldDelimitersQuotesAndLineBreaks() throws Exception {
        // quoted.csv: sample_id,"K00001, K00002",K00003 / "s1,a","1",2 / "s2 ""b""<LF>line",3,4
        FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS)
                .read(MalformedInputTest.resource("wellformed/quoted.csv"));
        assertEquals(List.of("s1,a", "s2 \"b\"\nline"), t.sampleIds());
        assertEquals(List.of("K00001, K00002", "K00003"), t.featureNames());
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.toRowMajorArray());
    }

    @Test
    void explicitDelimiterOverridesTheExtension() throws Exception {
        // wrong_delimiter.csv is tab-separated despite its name
        FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).withDelimiter('\t')
                .read(MalformedInputTest.resource("malformed/wrong_delimiter.csv"));
        assertEquals(List.of("s1"), t.sampleIds());
        assertEquals(List.of("K00001"), t.featureNames());
    }

    @Test
    void transformedUnitAllowsNegativeValues() throws Exception {
        FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.TRANSFORMED)
                .read(MalformedInputTest.resource("wellformed/crlf.csv"));
        assertEquals(AbundanceUnit.TRANSFORMED, t.unit());
    }

    /** {@code -0} and {@code -0.0} are zero abundances: positive zero, as 0 is (their sign carries nothing). */
    @Test
    void negativeZeroAbundanceReadsAsPositiveZero() throws Exception {
        FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS)
                .read(MalformedInputTest.resource("wellformed/negative_zero.csv"));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(t.get(0, 0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(t.get(0, 1)));
    }

    /** Lee 2022 species table exactly as published: empty first header cell, no final newline. */
    @Test
    void readsLee2022SpeciesAsPublished() throws Exception {
        FeatureTable t = FeatureTableReader.metaphlan().read(testdata("lee2022/species_relab.tsv"));
        // awk -F'\t' '{print NF}' species_relab.tsv | sort | uniq -c   -> 602 lines of 165 cells:
        // header = empty cell + 164 run accessions, 601 species rows
        assertEquals(164, t.sampleCount());
        assertEquals(601, t.featureCount());
        assertEquals(AbundanceUnit.PERCENT, t.unit());
        assertEquals("ERR6281997", t.sampleIds().get(0));
        assertEquals("ERR6254869", t.sampleIds().get(163));
        assertEquals("s__Bacteroides_uniformis", t.featureNames().get(0));
        assertEquals("s__Ralstonia_sp_MD27", t.featureNames().get(600)); // tail -1 | cut -f1
        // awk -F'\t' 'NR==2{print $2}' -> 21.67335 ; row 64 (s__Escherichia_coli) $2 -> 0.03334
        assertEquals(21.67335, t.get(0, 0));
        assertEquals(0.03334, t.get(0, t.indexOfFeature("s__Escherichia_coli")));
        // tail -1 species_relab.tsv | cut -f164,165 -> 0.00045 0 (the last cell, before the missing newline)
        assertEquals(0.00045, t.get(162, 600));
        assertEquals(0.0, t.get(163, 600));
        // largest value: awk scan over all cells -> 67.77848 (as text), s__Prevotella_copri in ERR6282298
        assertEquals(67.77848, t.get(t.indexOfSample("ERR6282298"), t.indexOfFeature("s__Prevotella_copri")));
        // awk -F'\t' 'NR>1{s+=$2} END{printf "%.10f", s}' -> 100.0000100000
        double sum = 0;
        for (double v : t.row(0)) {
            sum += v;
        }
        assertEquals(100.00001, sum, 1e-9);
    }

    @Test
    void humannKoTableKeepsCommunityTotalsByDefault() throws Exception {
        FeatureTable t = FeatureTableReader.humann().read(testdata("formats/humann_ko_rpk.tsv"));
        assertEquals(List.of("S01", "S02", "S03"), t.sampleIds(), "HUMAnN's _Abundance-RPKs suffixes are stripped");
        assertEquals(List.of("K01662", "K00099", "K00991", "K00919", "K01770", "K03526", "K03527", "K01667", "K00929"),
                t.featureNames());
        assertEquals(AbundanceUnit.RPK, t.unit());
        // K01662 totals line: 184.835 51.95 97.995
        assertArrayEquals(new double[] {184.835, 51.95, 97.995}, t.column(0));
        assertArrayEquals(new double[] {3.5, 0, 41.25}, t.column(8));
    }

    @Test
    void humannStratifiedRowsSumToTheirTotals() throws Exception {
        FeatureTableReader reader = FeatureTableReader.humann().withStratifiedRows(true);
        FeatureTable t = reader.read(testdata("formats/humann_ko_rpk.tsv"));
        FeatureTable totals = FeatureTableReader.humann().read(testdata("formats/humann_ko_rpk.tsv"));
        assertEquals(9 + 20, t.featureCount()); // 9 totals + 3+3+2+2+2+2+2+2+2 strata
        assertEquals(3, t.indexOfFeature("K01662|unclassified"));
        for (String ko : totals.featureNames()) {
            for (int i = 0; i < 3; i++) {
                double strata = 0;
                for (int j = 0; j < t.featureCount(); j++) {
                    if (t.featureNames().get(j).startsWith(ko + "|")) {
                        strata += t.get(i, j);
                    }
                }
                assertEquals(totals.get(i, totals.indexOfFeature(ko)), strata, 1e-9, ko);
            }
        }
    }

    @Test
    void humannOptionsKeepUnmappedRowsAndFullLabels() throws Exception {
        FeatureTable t = FeatureTableReader.humann().withUnmappedRows(true).withFullLabels(true)
                .read(testdata("formats/humann_ko_rpk.tsv"));
        assertEquals("UNMAPPED", t.featureNames().get(0));
        assertEquals("UNGROUPED", t.featureNames().get(1));
        assertEquals("K01770: ispF; 2-C-methyl-D-erythritol 2,4-cyclodiphosphate synthase [EC:4.6.1.12]",
                t.featureNames().get(6));
        assertArrayEquals(new double[] {18345.5, 20112, 15874.25}, t.column(0));
    }

    @Test
    void humannPathwayTable() throws Exception {
        FeatureTable t = FeatureTableReader.humann().read(testdata("formats/humann_pathways.tsv"));
        assertEquals(List.of("NONMEVIPP-PWY", "PWY-922", "CENTFERM-PWY", "PWY-5676"), t.featureNames());
        assertArrayEquals(new double[] {98.4213, 31.0027, 55.8104}, t.column(0));
        FeatureTable all = FeatureTableReader.humann().withStratifiedRows(true).withUnmappedRows(true)
                .read(testdata("formats/humann_pathways.tsv"));
        assertEquals(15, all.featureCount());
        assertEquals("UNINTEGRATED|g__Bacteroides.s__Bacteroides_uniformis", all.featureNames().get(2));
        assertEquals("NONMEVIPP-PWY|unclassified", all.featureNames().get(7));
    }

    @Test
    void metaphlanMergedProfileSpeciesAndOtherRanks() throws Exception {
        FeatureTable s = FeatureTableReader.metaphlan().read(testdata("formats/metaphlan_merged.tsv"));
        assertEquals(List.of("s__Bacteroides_uniformis", "s__Bacteroides_vulgatus", "s__Faecalibacterium_prausnitzii",
                "s__Escherichia_coli"), s.featureNames());
        assertArrayEquals(new double[] {40.25, 15.25, 30, 14.5}, s.row(0));
        FeatureTable g = FeatureTableReader.metaphlan().withRank("g__").read(testdata("formats/metaphlan_merged.tsv"));
        assertEquals(List.of("g__Bacteroides", "g__Faecalibacterium", "g__Escherichia"), g.featureNames());
        FeatureTable strains = FeatureTableReader.metaphlan().withRank("t__")
                .read(testdata("formats/metaphlan_merged.tsv"));
        assertEquals(List.of("t__SGB1836", "t__SGB1814"), strains.featureNames());
    }

    @Test
    void metaphlan3MergedTableSkipsTheTaxIdColumn() throws Exception {
        FeatureTable t = FeatureTableReader.metaphlan().read(MalformedInputTest.resource("wellformed/metaphlan3_taxid.tsv"));
        assertEquals(List.of("S1", "S2"), t.sampleIds());
        assertEquals(List.of("s__Bacteroides_uniformis", "s__Escherichia_coli"), t.featureNames());
        assertArrayEquals(new double[] {60.5, 39.5, 0, 100}, t.toRowMajorArray());
    }

    @Test
    void optionsOfAnotherLayoutAreRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FeatureTableReader.metaphlan().withStratifiedRows(true));
        assertEquals("withStratifiedRows applies to humann() readers only, not to metaphlan()", e.getMessage());
        IllegalStateException r = assertThrows(IllegalStateException.class,
                () -> FeatureTableReader.samplesAsRows().withRank("g__"));
        assertEquals("withRank applies to metaphlan() readers only, not to samplesAsRows()", r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureTableReader.metaphlan().withRank("x__"));
        assertThrows(IllegalArgumentException.class, () -> FeatureTableReader.humann().withDelimiter('"'));
    }

    @Test
    void samplesAsRowsNeedsAUnit() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FeatureTableReader.samplesAsRows().read(MalformedInputTest.resource("wellformed/crlf.csv")));
        assertEquals("samplesAsRows() has no default unit: say what the numbers are with withUnit(AbundanceUnit)",
                e.getMessage());
    }
}
