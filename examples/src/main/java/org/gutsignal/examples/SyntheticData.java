package org.gutsignal.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.synth.SyntheticCohort;

/**
 * The bundled synthetic cohort's 800 training patients (sites {@code site1..site5}; the
 * {@code validation} site is left out), loaded two ways on the same samples in the same order:
 * molecule capacities profiled from {@code ko.tsv} (CPM) with the built-in catalog, and the
 * species table {@code species.tsv} (percent).
 */
record SyntheticData(Cohort molecules, Cohort species) {

    /** The bundled files, relative to the repository root (the examples' working directory). */
    static final Path DIR = Path.of("testdata", "synthetic");

    static SyntheticData load() throws IOException {
        return load(DIR);
    }

    static SyntheticData load(Path dir) throws IOException {
        SyntheticData all = loadAll(dir);
        return new SyntheticData(training(all.molecules()), training(all.species()));
    }

    /** All 947 patients, the validation site included (unlabelled ones too). */
    static SyntheticData loadAll(Path dir) throws IOException {
        SampleMetadata metadata = MetadataReader.gutsignal().read(dir.resolve("metadata.tsv"));
        FeatureTable ko = FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(dir.resolve("ko.tsv"));
        FeatureTable capacities = SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(ko).capacities();
        FeatureTable species = FeatureTableReader.metaphlan().read(dir.resolve("species.tsv"));
        Cohort molecules = Cohort.join(capacities, metadata, JoinPolicy.STRICT, "ko.tsv", "metadata.tsv");
        Cohort bySpecies = Cohort.join(species, metadata, JoinPolicy.STRICT, "species.tsv", "metadata.tsv");
        if (!molecules.sampleIds().equals(bySpecies.sampleIds())) {
            throw new IllegalStateException("ko.tsv and species.tsv list the samples in different orders");
        }
        return new SyntheticData(molecules, bySpecies);
    }

    /** The labelled samples outside the validation site. */
    static Cohort training(Cohort all) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.sampleCount(); i++) {
            if (!all.metadata().group(i).equals(SyntheticCohort.VALIDATION_GROUP)) {
                keep.add(i);
            }
        }
        return all.selectSamples(keep.stream().mapToInt(Integer::intValue).toArray()).labelled();
    }
}
