package org.gutsignal.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;

/**
 * A gene-family table (UniRef90-like, CPM) derived from a synthetic cohort's species table, for
 * fitting at p ≫ n ({@link Level#GENES}): the synthetic cohort's own KO model caps at the
 * ~20,000 KEGG numbers and gives dense tables (under 1 % zeros), while real gene-family tables
 * are mostly zeros because a gene family belongs to one species and often only to some of its
 * strains.
 *
 * <p>The model: the {@code genes} families are dealt round-robin to the species (family {@code g}
 * belongs to species {@code g mod S}). A fifth of each species' families are core (carried
 * whenever the species is present); each of the others is carried by a patient's strain with
 * probability 0.2, drawn per patient and family. A carried family has 1 copy (2 with probability
 * 0.1, drawn once per family) and abundance {@code percent × copies × 50 × exp(0.15 Z)}, Z
 * standard normal per patient and family, rounded to 6 significant digits: the KO model of
 * {@code SyntheticCohort}, per family. With the default cohort (44 % of species cells zero) about
 * 80 % of the cells are zero. Seeded (Commons RNG {@code XO_RO_SHI_RO_128_PP}); the same inputs
 * give the same table.
 */
final class GeneFamilies {

    /** Share of each species' families that every strain carries. */
    static final double CORE_SHARE = 0.2;
    /** Probability that a patient's strain carries an accessory family. */
    static final double ACCESSORY_PRESENCE = 0.2;

    private GeneFamilies() {
    }

    /**
     * @param species percent per species (samples × species), e.g. {@code SyntheticCohort.Result.species()}
     * @param genes   number of gene families, at least the number of species
     * @param seed    seed of the presence, copy and noise draws
     * @return samples × genes, CPM, families named {@code UniRef90_G000001..}
     */
    static FeatureTable derive(FeatureTable species, int genes, long seed) {
        int n = species.sampleCount();
        int s = species.featureCount();
        if (genes < s) {
            throw new IllegalArgumentException(genes + " gene families for " + s + " species");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian noise = ZigguratSampler.NormalizedGaussian.of(rng);
        List<String> names = new ArrayList<>(genes);
        List<double[]> columns = new ArrayList<>(genes);
        MathContext six = new MathContext(6);
        for (int g = 0; g < genes; g++) {
            names.add(String.format(Locale.ROOT, "UniRef90_G%06d", g + 1));
            double[] percent = species.column(g % s);
            boolean core = (g / s) % 5 == 0; // every fifth family of a species: CORE_SHARE = 1/5
            double copies = rng.nextDouble() < 0.1 ? 2 : 1;
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                boolean carried = core || rng.nextDouble() < ACCESSORY_PRESENCE;
                if (percent[i] > 0 && carried) {
                    double v = percent[i] * copies * 50 * Math.exp(0.15 * noise.sample());
                    c[i] = new BigDecimal(v).round(six).doubleValue();
                }
            }
            columns.add(c);
        }
        return FeatureTable.ofColumns(species.sampleIds(), names, columns, AbundanceUnit.CPM);
    }
}
