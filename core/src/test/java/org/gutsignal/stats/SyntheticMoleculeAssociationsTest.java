package org.gutsignal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.junit.jupiter.api.Test;

/** Molecule associations on the 800 training patients of the checked-in synthetic cohort. */
class SyntheticMoleculeAssociationsTest {

    private static final Path DIR = Path.of(System.getProperty("gutsignal.testdata", "../testdata"), "synthetic");

    @Test
    void hmbppIsSignificantlyHigherInResponders() throws Exception {
        FeatureTable ko = FeatureTableReader.humann().read(DIR.resolve("ko.tsv"));
        FeatureTable capacities = SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(ko).capacities();
        Cohort all = Cohort.join(capacities, MetadataReader.gutsignal().read(DIR.resolve("metadata.tsv")),
                JoinPolicy.STRICT, "ko.tsv", "metadata.tsv").labelled();
        int[] keep = java.util.stream.IntStream.range(0, all.sampleCount())
                .filter(i -> !all.metadata().group(i).equals("validation")).toArray();
        Cohort train = all.selectSamples(keep);
        AssociationTable table = Associations.withDefaults().test(train.features(), train.labels());
        FeatureAssociation hmbpp = table.row(AssociationTable.ALL, "HMBPP").orElseThrow();
        // The generator gives HMBPP the largest positive coefficient (+1.2 per SD of ln(1 + capacity));
        // the KO-derived capacity must show it: asymptotic Wilcoxon test, BH over the six molecules.
        assertEquals(314, hmbpp.responders());
        assertTrue(hmbpp.qValue() < 0.05, hmbpp.toString());
        assertEquals(FeatureAssociation.Direction.HIGHER_IN_RESPONDERS, hmbpp.direction(), hmbpp.toString());
        FeatureAssociation lps = table.row(AssociationTable.ALL, "LPS").orElseThrow();
        assertEquals(FeatureAssociation.Direction.LOWER_IN_RESPONDERS, lps.direction(), lps.toString());
    }
}
