package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gutsignal.cohort.CohortFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraitTableTest {

    @Test
    void speciesRowsOverrideGenusRowsAndSpeciesFallBackToTheirGenus() throws Exception {
        TraitTable t = TraitTable.read(MoleculeCatalogTest.resource("traits_ok.csv"));
        assertEquals(List.of("HMBPP", "LPS"), t.moleculeIds());
        assertEquals(OptionalDouble.of(1), t.trait("s__Bacteroides_uniformis", "HMBPP"));
        assertEquals(OptionalDouble.of(0), t.trait("s__Bacteroides_odd", "HMBPP"));
        assertEquals(OptionalDouble.of(2), t.trait("s__Bacteroides_odd", "LPS"));
        assertEquals(OptionalDouble.of(1), t.trait("k__Bacteria|p__Bacteroidota|s__Bacteroides_uniformis", "HMBPP"));
        assertEquals(OptionalDouble.of(0), t.trait("g__Lactobacillus", "HMBPP"));
        assertEquals(OptionalDouble.empty(), t.trait("s__Mystery_bug", "HMBPP"));
        assertEquals(OptionalDouble.empty(), t.trait("UNCLASSIFIED", "HMBPP"));
        assertThrows(IllegalArgumentException.class, () -> t.trait("g__Bacteroides", "TMA"));
    }

    @Test
    void builtInHmbppTableSeparatesMepFromMevalonateGenera() {
        TraitTable t = TraitTable.builtInHmbpp();
        assertEquals(List.of("HMBPP"), t.moleculeIds());
        for (String mep : List.of("s__Bacteroides_uniformis", "s__Escherichia_coli", "s__Faecalibacterium_prausnitzii",
                "s__Bifidobacterium_longum", "s__Collinsella_aerofaciens", "s__Akkermansia_muciniphila",
                "s__Listeria_monocytogenes")) {
            assertEquals(OptionalDouble.of(1), t.trait(mep, "HMBPP"), mep);
        }
        for (String mva : List.of("s__Lactobacillus_acidophilus", "s__Streptococcus_salivarius",
                "s__Enterococcus_faecium", "s__Methanobrevibacter_smithii")) {
            assertEquals(OptionalDouble.of(0), t.trait(mva, "HMBPP"), mva);
        }
        assertTrue(t.trait("s__Holdemanella_biformis", "HMBPP").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '!', value = {
        "traits_short_row.csv!line 3, column 3 ('LPS'): expected 3 cells like the header but found 2",
        "traits_unterminated_quote.csv!line 4, column 2: expected a closing '\"' for the quoted cell that starts on this line but the file ended",
        "traits_negative.csv!line 3, column 2 ('HMBPP'): expected a non-negative copy number but found '-1'",
        "traits_bad_taxon.csv!line 3, column 1 ('taxon'): expected a taxon g__Genus or s__Genus_species but found 'Bacteroides'",
        "traits_duplicate.csv!line 3, column 1 ('taxon'): taxon 'g__Bacteroides' was already defined on line 2",
        "traits_bad_header.csv!line 1, column 1 ('species'): expected the first header cell 'taxon' but found 'species'",
        "traits_no_molecules.csv!line 1: expected at least one molecule column after 'taxon' but found none",
        "traits_repeated_column.csv!line 1, column 4 ('HMBPP'): molecule column 'HMBPP' repeats column 2",
        "traits_bad_molecule.csv!line 1, column 2 ('HMB-PP'): expected a molecule id of letters, digits and '_' but found 'HMB-PP'",
        "traits_empty_value.csv!line 2, column 3 ('LPS'): expected a number but found an empty cell",
        "traits_infinite.csv!line 2, column 2 ('HMBPP'): expected a finite number but found 'Infinity'",
        // the table readers' number rule (DelimitedText.parseNumber), no longer Double.parseDouble's
        "traits_hex.csv!line 2, column 2 ('HMBPP'): expected a number but found '0x1p3'",
        "traits_suffix_d.csv!line 2, column 2 ('HMBPP'): expected a number but found '1d'",
        "traits_suffix_f.csv!line 2, column 2 ('HMBPP'): expected a number but found '2F'",
        "traits_control.csv!line 2, column 2 ('HMBPP'): expected a number but found '1\u0001' (it holds the control character U+0001)",
        "traits_subnormal.csv!line 2, column 2 ('HMBPP'): '4.9e-324' is below the smallest positive normal double 2.2250738585072014E-308",
        // numbers are not trimmed (names are): padding is refused as in the table readers
        "traits_padded.csv!line 2, column 2 ('HMBPP'): expected a number but found ' 13.75 ' (spaces around a number are not allowed)",
        // comments (with unmatched quotes, CRLF, indented) are dropped before tokenising; the line stays right
        "traits_comment_quote_short_row.csv!line 5, column 3 ('LPS'): expected 3 cells like the header but found 2",
    })
    void malformedTraitTablesNameFileLineAndColumn(String file, String message) throws Exception {
        Path path = MoleculeCatalogTest.resource(file);
        CohortFormatException e = assertThrows(CohortFormatException.class, () -> TraitTable.read(path));
        assertEquals(path + ", " + message, e.getMessage());
    }

    @Test
    void commentLinesMayHoldUnmatchedQuotesAndBeIndented() throws Exception {
        TraitTable t = TraitTable.read(MoleculeCatalogTest.resource("traits_comment_quote.csv"));
        assertEquals(List.of("g__Bacteroides", "s__Bacteroides_odd"), t.taxa());
        assertEquals(OptionalDouble.of(2), t.trait("s__Bacteroides_odd", "LPS"));
    }

    @Test
    void aTableWithoutTaxonRowsIsAWholeFileError() throws Exception {
        Path path = MoleculeCatalogTest.resource("traits_no_rows.csv");
        assertEquals(path + ": expected at least one taxon row but found none",
                assertThrows(CohortFormatException.class, () -> TraitTable.read(path)).getMessage());
    }

    @Test
    void tsvFilesAreTabSeparatedAndKeepFileOrder() throws Exception {
        TraitTable t = TraitTable.read(MoleculeCatalogTest.resource("traits_ok.tsv"));
        assertEquals(List.of("s__Bacteroides_fragilis", "g__Bacteroides"), t.taxa());
        assertEquals(OptionalDouble.of(2.5), t.trait("s__Bacteroides_fragilis", "HMBPP"));
        assertEquals(OptionalDouble.of(1), t.trait("s__Bacteroides_ovatus", "HMBPP"));
        assertEquals(OptionalDouble.of(1), t.trait("k__Bacteria|g__Bacteroides", "HMBPP"));
        // a species name without the '_' before its epithet has no genus to fall back on
        assertEquals(OptionalDouble.empty(), t.trait("s__Bacteroides", "HMBPP"));
        assertEquals("TraitTable[2 taxa × [HMBPP]]", t.toString());
    }

    @Test
    void ofCopiesTheValuesAndValidatesLikeTheReader() {
        double[] values = {1, 0};
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put("g__Escherichia", values);
        TraitTable t = TraitTable.of(List.of("HMBPP", "LPS"), rows);
        values[0] = 7;
        assertEquals(OptionalDouble.of(1), t.trait("s__Escherichia_coli", "HMBPP"));
        assertEquals("no molecule TMA in this trait table [HMBPP, LPS]",
                assertThrows(IllegalArgumentException.class, () -> t.trait("g__Escherichia", "TMA")).getMessage());
        assertEquals("duplicate molecule ids [A, A]", assertThrows(IllegalArgumentException.class,
                () -> TraitTable.of(List.of("A", "A"), Map.of())).getMessage());
        assertEquals("taxon 'Escherichia' is neither g__Genus nor s__Genus_species",
                assertThrows(IllegalArgumentException.class,
                        () -> TraitTable.of(List.of("A"), Map.of("Escherichia", new double[] {1}))).getMessage());
        assertEquals("taxon g__E has 2 values for 1 molecules", assertThrows(IllegalArgumentException.class,
                () -> TraitTable.of(List.of("A"), Map.of("g__E", new double[] {1, 2}))).getMessage());
        assertEquals("taxon g__E has value -1.0; expected a non-negative finite copy number",
                assertThrows(IllegalArgumentException.class,
                        () -> TraitTable.of(List.of("A"), Map.of("g__E", new double[] {-1}))).getMessage());
        assertEquals("taxon g__E has value NaN; expected a non-negative finite copy number",
                assertThrows(IllegalArgumentException.class,
                        () -> TraitTable.of(List.of("A"), Map.of("g__E", new double[] {Double.NaN}))).getMessage());
    }
}
