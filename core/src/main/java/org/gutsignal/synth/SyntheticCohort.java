package org.gutsignal.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.io.FeatureTableWriter;
import org.gutsignal.io.MetadataWriter;

/**
 * A seeded generator of synthetic checkpoint-therapy cohorts with known truth: species
 * abundances, KO abundances, metadata, the true per-sample molecule capacities and the true
 * logistic model that drew the responses. The same configuration (seed included) always gives
 * bit-identical tables and byte-identical files.
 *
 * <pre>{@code
 * SyntheticCohort.Result r = SyntheticCohort.withDefaults().withSeed(7).withPatients(80_000).generate();
 * Cohort species = Cohort.of(r.species(), r.metadata());      // percent, MetaPhlAn-like
 * Cohort kos = Cohort.of(r.ko(), r.metadata());               // CPM, HUMAnN-like community totals
 * r.writeTo(Path.of("out"));                                   // the six files of testdata/synthetic
 * }</pre>
 *
 * <h2>What is drawn</h2>
 * <ol>
 *   <li>A species pool (default 160 species of 35 real gut genera; synthetic epithets
 *       {@code synthNN} only beyond the 153 real species). Each species carries 0/1 traits per
 *       molecule ({@code HMBPP}, {@code LPS}, {@code BUTYRATE}, {@code SECONDARY_BILE_ACIDS},
 *       {@code INDOLE}, {@code TMA}) following biology: MEP-pathway genera make HMBPP, the
 *       Bacilli (Lactobacillus, Streptococcus, Enterococcus, Lactococcus, Staphylococcus) use the
 *       mevalonate pathway and do not; Gram-negatives make LPS; and so on. Each species carries
 *       the marker KOs its traits imply plus background KOs.</li>
 *   <li>Sites ({@code site1}..{@code siteK} for training, {@code validation}): each site shifts
 *       species prevalence and abundance and boosts its own dominant species, always an MEP user,
 *       so species signatures move between sites while capacities stay comparable.</li>
 *   <li>Per patient: a sparse log-normal composition, sometimes with a bloom of mevalonate users
 *       or Proteobacteria, in percent rounded to 6 significant digits (values under 1e-4 % are
 *       dropped first). Everything else is derived from these rounded numbers.</li>
 *   <li>Capacities: {@code capacity[m] = Σ_species percent × trait[m]} (exact decimal sum).</li>
 *   <li>KO abundance (CPM): {@code Σ_species percent × copies × 50 × exp(0.15·Z)}, 6 significant digits.</li>
 *   <li>Response: {@code logit = intercept + Σ_m β_m (ln(1 + capacity_m) − centre_m) / scale_m
 *       + siteEffect + ε}, {@code ε ~ N(0, 0.5²)}; the intercept is solved so the expected
 *       training response rate is the target (default 0.40); about 3% of labels are hidden ({@code NA}).</li>
 * </ol>
 *
 * <p>Memory and time are O(patients × (species + KOs)) with primitive arrays; 80,000 patients
 * need about 1 GB of heap. Instances are immutable and thread-safe; {@link #generate()} may be
 * called concurrently.
 */
public final class SyntheticCohort {

    /** The default seed. */
    public static final long DEFAULT_SEED = 20250101L;
    /** Group name of the validation site. */
    public static final String VALIDATION_GROUP = "validation";
    /** File names written by {@link Result#writeTo(Path)}. */
    public static final String SPECIES_FILE = "species.tsv";
    /** KO table file name. */
    public static final String KO_FILE = "ko.tsv";
    /** Metadata file name. */
    public static final String METADATA_FILE = "metadata.tsv";
    /** Capacity file name. */
    public static final String CAPACITIES_FILE = "capacities.tsv";
    /** Truth file name. */
    public static final String TRUTH_FILE = "truth.tsv";
    /** Trait table file name. */
    public static final String TRAITS_FILE = "traits.tsv";

    private static final int[] DEFAULT_SITE_SIZES = {220, 180, 160, 140, 100};
    private static final int DEFAULT_VALIDATION_SIZE = 147;
    private static final int DEFAULT_SPECIES = 160;
    private static final int DEFAULT_KOS = 400;
    private static final double DEFAULT_RESPONDER_RATE = 0.40;

    /** True log-odds change per standard deviation of ln(1 + capacity), in molecule order. */
    private static final double[] BETA = {1.2, -0.8, 0.0, -0.5, 0.0, 0.3};
    private static final double PSEUDOCOUNT = 1.0;
    private static final double LATENT_NOISE_SD = 0.5;
    private static final double SITE_EFFECT_SD = 0.25;
    private static final double UNKNOWN_FRACTION = 0.03;
    private static final double KO_NOISE_SD = 0.15;
    private static final double LOG_ABUNDANCE_SD = 1.3;
    private static final double GRAM_NEGATIVE_SD = 1.0;
    private static final double MEVALONATE_SD = 1.0;
    private static final double DETECTION_LIMIT = 1e-4;
    private static final int ABUNDANCE_DIGITS = 6;
    private static final int KO_DIGITS = 6;
    private static final int CAPACITY_DIGITS = 12;
    private static final int TRUTH_DIGITS = 6;
    private static final List<String> CANCER_TYPES = List.of("melanoma", "NSCLC", "RCC", "other");
    private static final double[] CANCER_MIX = {0.40, 0.35, 0.15, 0.10};

    private final long seed;
    private final int[] siteSizes;
    private final int validationSize;
    private final int speciesCount;
    private final int koCount;
    private final double responderRate;

    private SyntheticCohort(long seed, int[] siteSizes, int validationSize, int speciesCount, int koCount,
            double responderRate) {
        if (siteSizes.length == 0) {
            throw new IllegalArgumentException("at least one training site is needed");
        }
        for (int s = 0; s < siteSizes.length; s++) {
            if (siteSizes[s] < 1) {
                throw new IllegalArgumentException("site" + (s + 1) + " has " + siteSizes[s]
                        + " patients; every training site needs at least 1");
            }
        }
        if (validationSize < 0) {
            throw new IllegalArgumentException("validation size must be >= 0 but is " + validationSize);
        }
        if (speciesCount < SpeciesPool.MIN_SPECIES) {
            throw new IllegalArgumentException("species count must be >= " + SpeciesPool.MIN_SPECIES
                    + " (one per genus) but is " + speciesCount);
        }
        if (koCount < SpeciesPool.MIN_KOS) {
            throw new IllegalArgumentException("KO count must be >= " + SpeciesPool.MIN_KOS
                    + " (markers, mevalonate and housekeeping genes) but is " + koCount);
        }
        if (!(responderRate > 0.01 && responderRate < 0.99)) {
            throw new IllegalArgumentException("responder rate must be in (0.01, 0.99) but is " + responderRate);
        }
        long total = validationSize;
        for (int size : siteSizes) {
            total += size;
        }
        if (total > 10_000_000) {
            throw new IllegalArgumentException(total + " patients is more than the supported 10,000,000");
        }
        this.seed = seed;
        this.siteSizes = siteSizes.clone();
        this.validationSize = validationSize;
        this.speciesCount = speciesCount;
        this.koCount = koCount;
        this.responderRate = responderRate;
    }

    /**
     * The default configuration: seed {@value #DEFAULT_SEED}; training sites {@code site1}..{@code site5}
     * with 220, 180, 160, 140 and 100 patients; a validation site of 147; 160 species; 400 KOs;
     * responder rate 0.40.
     */
    public static SyntheticCohort withDefaults() {
        return new SyntheticCohort(DEFAULT_SEED, DEFAULT_SITE_SIZES, DEFAULT_VALIDATION_SIZE, DEFAULT_SPECIES,
                DEFAULT_KOS, DEFAULT_RESPONDER_RATE);
    }

    /** A copy with another seed. */
    public SyntheticCohort withSeed(long newSeed) {
        return new SyntheticCohort(newSeed, siteSizes, validationSize, speciesCount, koCount, responderRate);
    }

    /**
     * A copy with the given training sites, named {@code site1}, {@code site2}, ... in this order.
     *
     * @param sizes patients per training site
     * @throws IllegalArgumentException if no size is given or a size is below 1
     */
    public SyntheticCohort withSiteSizes(int... sizes) {
        return new SyntheticCohort(seed, sizes, validationSize, speciesCount, koCount, responderRate);
    }

    /**
     * A copy with {@code trainingPatients} training patients spread over the current training sites
     * in proportion to their current sizes (largest remainder); the validation site is unchanged.
     *
     * @throws IllegalArgumentException if there are fewer patients than training sites
     */
    public SyntheticCohort withPatients(int trainingPatients) {
        int k = siteSizes.length;
        if (trainingPatients < k) {
            throw new IllegalArgumentException(trainingPatients + " patients cannot fill " + k + " training sites");
        }
        long current = 0;
        for (int size : siteSizes) {
            current += size;
        }
        int[] sizes = new int[k];
        double[] remainder = new double[k];
        int assigned = 0;
        for (int s = 0; s < k; s++) {
            double exact = (double) trainingPatients * siteSizes[s] / current;
            sizes[s] = Math.max(1, (int) Math.floor(exact));
            remainder[s] = exact - Math.floor(exact);
            assigned += sizes[s];
        }
        while (assigned != trainingPatients) {
            int best = 0;
            for (int s = 1; s < k; s++) {
                boolean better = assigned < trainingPatients ? remainder[s] > remainder[best]
                        : sizes[s] > sizes[best];
                if (better) {
                    best = s;
                }
            }
            int step = assigned < trainingPatients ? 1 : -1;
            sizes[best] += step;
            remainder[best] = -1;
            assigned += step;
        }
        return withSiteSizes(sizes);
    }

    /**
     * A copy with another validation site size ({@code 0}: no validation site).
     *
     * @throws IllegalArgumentException if negative
     */
    public SyntheticCohort withValidationSize(int size) {
        return new SyntheticCohort(seed, siteSizes, size, speciesCount, koCount, responderRate);
    }

    /**
     * A copy with another species pool size.
     *
     * @throws IllegalArgumentException if fewer than 35 (one species per genus)
     */
    public SyntheticCohort withSpeciesCount(int count) {
        return new SyntheticCohort(seed, siteSizes, validationSize, count, koCount, responderRate);
    }

    /**
     * A copy with another number of KO rows (markers, mevalonate and housekeeping genes, the rest
     * background KOs).
     *
     * @throws IllegalArgumentException if fewer than the 55 fixed KOs
     */
    public SyntheticCohort withKoCount(int count) {
        return new SyntheticCohort(seed, siteSizes, validationSize, speciesCount, count, responderRate);
    }

    /**
     * A copy with another target responder rate (the expected rate over the training sites).
     *
     * @throws IllegalArgumentException if not in (0.01, 0.99)
     */
    public SyntheticCohort withResponderRate(double rate) {
        return new SyntheticCohort(seed, siteSizes, validationSize, speciesCount, koCount, rate);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Patients per training site, {@code site1} first (a copy). */
    public int[] siteSizes() {
        return siteSizes.clone();
    }

    /** Patients in the validation site. */
    public int validationSize() {
        return validationSize;
    }

    /** Species in the pool. */
    public int speciesCount() {
        return speciesCount;
    }

    /** KO rows. */
    public int koCount() {
        return koCount;
    }

    /** Target expected responder rate over the training sites. */
    public double responderRate() {
        return responderRate;
    }

    /**
     * The true response model: {@code logit P(responder) = intercept + Σ_m coefficients[m] ·
     * (ln(pseudocount + capacity_m) − centres[m]) / scales[m] + siteEffects[group] + ε} with
     * {@code ε ~ N(0, noiseSd²)} drawn per patient. Centres and scales are the mean and (population)
     * standard deviation of {@code ln(1 + capacity)} over all training patients, rounded to 6
     * significant digits; they are constants of the truth, not re-estimated per site. Maps iterate
     * in molecule (or site) order and are unmodifiable.
     *
     * @param intercept    the intercept (log-odds)
     * @param coefficients β per molecule id, per standard deviation of ln(1 + capacity)
     * @param centres      centre per molecule id
     * @param scales       scale per molecule id
     * @param siteEffects  additive log-odds per group ({@code site1}.., {@code validation})
     * @param pseudocount  added to the capacity before the log (1)
     * @param noiseSd      standard deviation of the per-patient latent noise ε
     */
    public record Truth(double intercept, Map<String, Double> coefficients, Map<String, Double> centres,
            Map<String, Double> scales, Map<String, Double> siteEffects, double pseudocount, double noiseSd) {
        /** Copies the maps, keeping their order. */
        public Truth {
            coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
            centres = Collections.unmodifiableMap(new LinkedHashMap<>(centres));
            scales = Collections.unmodifiableMap(new LinkedHashMap<>(scales));
            siteEffects = Collections.unmodifiableMap(new LinkedHashMap<>(siteEffects));
        }
    }

    /**
     * A generated cohort. All tables hold the same samples in the same order (training sites first,
     * then the validation site). Immutable and thread-safe.
     */
    public static final class Result {
        private final FeatureTable species;
        private final FeatureTable ko;
        private final SampleMetadata metadata;
        private final FeatureTable capacities;
        private final FeatureTable traits;
        private final Truth truth;

        private Result(FeatureTable species, FeatureTable ko, SampleMetadata metadata, FeatureTable capacities,
                FeatureTable traits, Truth truth) {
            this.species = species;
            this.ko = ko;
            this.metadata = metadata;
            this.capacities = capacities;
            this.traits = traits;
            this.truth = truth;
        }

        /** Species relative abundances, {@link AbundanceUnit#PERCENT} (each sample sums to 100 ± 1e-3); features {@code s__Genus_species}. */
        public FeatureTable species() {
            return species;
        }

        /** KO community totals, {@link AbundanceUnit#CPM}; features {@code K#####}, sorted. */
        public FeatureTable ko() {
            return ko;
        }

        /** Response, group (site) and covariates {@code age} (years) and {@code cancer_type}. */
        public SampleMetadata metadata() {
            return metadata;
        }

        /** True capacities, {@link AbundanceUnit#CAPACITY}: Σ species percent × trait; features are molecule ids. */
        public FeatureTable capacities() {
            return capacities;
        }

        /**
         * The species traits: rows ("samples") are the pool's species {@code s__Genus_species},
         * columns the molecule ids, values copy numbers ({@link AbundanceUnit#COUNTS}, 0 or 1).
         */
        public FeatureTable traits() {
            return traits;
        }

        /** The true response model. */
        public Truth truth() {
            return truth;
        }

        /**
         * Writes the six files into {@code dir} (created if needed), each atomically and with the
         * conventions of {@link DelimitedText}: {@code species.tsv} (MetaPhlAn layout, first header cell
         * {@code clade_name}), {@code ko.tsv} (HUMAnN layout, {@code # Gene Family}),
         * {@code metadata.tsv} ({@link MetadataWriter} format), {@code capacities.tsv} (samples as
         * rows), {@code traits.tsv} (header {@code taxon,<molecule>...}) and {@code truth.tsv}
         * (columns {@code term, kind, beta, transform, centre, scale}). Existing files are replaced.
         *
         * @throws IOException if a file cannot be written
         */
        public void writeTo(Path dir) throws IOException {
            FeatureTableWriter.featuresAsRows("clade_name").write(species, dir.resolve(SPECIES_FILE));
            FeatureTableWriter.featuresAsRows("# Gene Family").write(ko, dir.resolve(KO_FILE));
            MetadataWriter.write(metadata, dir.resolve(METADATA_FILE));
            FeatureTableWriter.samplesAsRows().write(capacities, dir.resolve(CAPACITIES_FILE));
            writeTraits(dir.resolve(TRAITS_FILE));
            writeTruth(dir.resolve(TRUTH_FILE));
        }

        private void writeTraits(Path file) throws IOException {
            List<String> header = new ArrayList<>();
            header.add("taxon");
            header.addAll(traits.featureNames());
            List<List<Object>> rows = new ArrayList<>();
            for (int j = 0; j < traits.sampleCount(); j++) {
                List<Object> row = new ArrayList<>();
                row.add(traits.sampleIds().get(j));
                for (int m = 0; m < traits.featureCount(); m++) {
                    row.add(traits.get(j, m));
                }
                rows.add(row);
            }
            DelimitedText.write(file, header, rows);
        }

        private void writeTruth(Path file) throws IOException {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("intercept", "intercept", truth.intercept(), "constant", 0.0, 1.0));
            String transform = "ln(" + DelimitedText.format(truth.pseudocount()) + "+capacity)";
            for (String m : truth.coefficients().keySet()) {
                rows.add(List.of(m, "molecule", truth.coefficients().get(m), transform, truth.centres().get(m),
                        truth.scales().get(m)));
            }
            for (Map.Entry<String, Double> e : truth.siteEffects().entrySet()) {
                rows.add(List.of(e.getKey(), "site", e.getValue(), "indicator", 0.0, 1.0));
            }
            rows.add(List.of("noise", "noise_sd", truth.noiseSd(), "normal", 0.0, 1.0));
            DelimitedText.write(file, List.of("term", "kind", "beta", "transform", "centre", "scale"), rows);
        }

        @Override
        public String toString() {
            return "SyntheticCohort.Result[" + metadata + ", " + species + ", " + ko + "]";
        }
    }

    /** A site's deviations from the pool. */
    private static final class Site {
        final String name;
        final int size;
        final double[] prevalence;
        final double[] logMean;
        final int dominant;
        final double mevalonateBloom;
        final double proteobacteriaBloom;
        final double ageMean;
        final double[] cancerMix;
        final double effect;

        Site(String name, int size, SpeciesPool pool, int dominant, int[] candidates, UniformRandomProvider rng) {
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            int n = pool.speciesCount();
            this.name = name;
            this.size = size;
            this.prevalence = new double[n];
            this.logMean = new double[n];
            for (int j = 0; j < n; j++) {
                double p = pool.prevalence(j);
                double logit = Math.log(p / (1 - p)) + 0.8 * gauss.sample();
                prevalence[j] = 1 / (1 + Math.exp(-logit));
                logMean[j] = pool.logMean(j) + 0.5 * gauss.sample();
            }
            this.dominant = dominant;
            logMean[dominant] += 3.0;
            prevalence[dominant] = Math.max(prevalence[dominant], 0.95);
            for (int b = 0; b < 2; b++) {
                int j = candidates[rng.nextInt(candidates.length)];
                if (j != dominant) {
                    logMean[j] += 1.2;
                    prevalence[j] = Math.max(prevalence[j], 0.7);
                }
            }
            this.mevalonateBloom = 0.3 * Math.exp(0.4 * gauss.sample());
            this.proteobacteriaBloom = 0.12 * Math.exp(0.4 * gauss.sample());
            this.ageMean = 63 + 3 * gauss.sample();
            this.cancerMix = new double[CANCER_MIX.length];
            double sum = 0;
            for (int c = 0; c < cancerMix.length; c++) {
                cancerMix[c] = CANCER_MIX[c] * Math.exp(0.5 * gauss.sample());
                sum += cancerMix[c];
            }
            for (int c = 0; c < cancerMix.length; c++) {
                cancerMix[c] /= sum;
            }
            this.effect = Decimals.round(SITE_EFFECT_SD * gauss.sample(), TRUTH_DIGITS);
        }
    }

    private static UniformRandomProvider stream(UniformRandomProvider master) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {master.nextLong(), master.nextLong()});
    }

    /**
     * Generates the cohort. Deterministic: the same configuration gives bit-identical results.
     * Each site draws from its own random stream, so resizing one site leaves the other sites'
     * compositions unchanged (the responses, which depend on all training patients through the
     * standardisation and the intercept, may change).
     *
     * @return the cohort and its truth
     */
    public Result generate() {
        UniformRandomProvider master = RandomSource.SPLIT_MIX_64.create(seed);
        SpeciesPool pool = SpeciesPool.build(speciesCount, koCount, stream(master));
        Site[] sites = drawSites(pool, stream(master));
        Patients patients = drawPatients(pool, sites, master);
        int nTrain = patients.count - validationSize;
        UniformRandomProvider responseRng = stream(master);
        Standardisation z = standardise(patients.capacity, nTrain);
        double[] eta = latentPredictor(patients, sites, z, ZigguratSampler.NormalizedGaussian.of(responseRng));
        double intercept = Decimals.round(solveIntercept(eta, nTrain, responderRate), TRUTH_DIGITS);
        List<String> ids = sampleIds(patients.count);
        SampleMetadata metadata = drawResponses(ids, patients, sites, eta, intercept, responseRng);
        return result(pool, ids, patients, metadata, truth(intercept, z, sites));
    }

    /**
     * Step 2, sites: training sites {@code site1}.. then the validation site, each with its own
     * dominant species: the pool's MEP-using candidates in a shuffled order (repeating only when
     * there are more sites than candidates).
     */
    private Site[] drawSites(SpeciesPool pool, UniformRandomProvider siteRng) {
        int training = siteSizes.length;
        int[] candidates = pool.dominantCandidates();
        for (int i = candidates.length - 1; i > 0; i--) {
            int k = siteRng.nextInt(i + 1);
            int t = candidates[i];
            candidates[i] = candidates[k];
            candidates[k] = t;
        }
        Site[] sites = new Site[training + (validationSize > 0 ? 1 : 0)];
        for (int s = 0; s < sites.length; s++) {
            String name = s < training ? "site" + (s + 1) : VALIDATION_GROUP;
            int size = s < training ? siteSizes[s] : validationSize;
            sites[s] = new Site(name, size, pool, candidates[s % candidates.length], candidates, siteRng);
        }
        return sites;
    }

    /** The patients' drawn and derived values, row-major per patient, in site order. */
    private static final class Patients {
        final int count;
        final int[] siteOf;
        final int[] age;
        final int[] cancer;
        /** Percent per species (rounded); released once the species table holds a copy. */
        double[] abundance;
        /** CPM per KO; released once the KO table holds a copy. */
        double[] ko;
        final double[] capacity;

        Patients(int count, int species, int kos, int molecules) {
            this.count = count;
            this.siteOf = new int[count];
            this.age = new int[count];
            this.cancer = new int[count];
            this.abundance = new double[Math.multiplyExact(count, species)];
            this.ko = new double[Math.multiplyExact(count, kos)];
            this.capacity = new double[Math.multiplyExact(count, molecules)];
        }
    }

    /**
     * Step 3, per patient: a composition ({@link #composition}), age and cancer type from the
     * patient's site, then the capacities (step 4) and KO abundances (step 5) derived from the
     * rounded composition. Each site draws from two streams of its own: one for the composition and
     * covariates, one for the KO noise.
     */
    private static Patients drawPatients(SpeciesPool pool, Site[] sites, UniformRandomProvider master) {
        int n = 0;
        for (Site site : sites) {
            n += site.size;
        }
        int nSpecies = pool.speciesCount();
        int nKo = pool.koCount();
        int nMol = SpeciesPool.MOLECULES.size();
        Patients patients = new Patients(n, nSpecies, nKo, nMol);
        int[] mevalonateSpecies = speciesWithBloom(pool, SpeciesPool.Bloom.MEVALONATE);
        int[] proteoSpecies = speciesWithBloom(pool, SpeciesPool.Bloom.PROTEOBACTERIA);
        double[] w = new double[nSpecies];
        double[] koWork = new double[nKo];
        int i = 0;
        for (int s = 0; s < sites.length; s++) {
            UniformRandomProvider rng = stream(master);
            UniformRandomProvider noiseRng = stream(master);
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            ZigguratSampler.NormalizedGaussian noise = ZigguratSampler.NormalizedGaussian.of(noiseRng);
            Site site = sites[s];
            for (int r = 0; r < site.size; r++, i++) {
                patients.siteOf[i] = s;
                composition(site, pool, rng, gauss, mevalonateSpecies, proteoSpecies, w);
                System.arraycopy(w, 0, patients.abundance, i * nSpecies, nSpecies);
                patients.age[i] = (int) Math.max(18, Math.min(95, Math.round(site.ageMean + 11 * gauss.sample())));
                patients.cancer[i] = categorical(site.cancerMix, rng.nextDouble());
                capacities(pool, w, patients.capacity, i * nMol);
                kos(pool, w, noise, koWork, patients.ko, i * nKo);
            }
        }
        return patients;
    }

    /** Step 4: {@code capacity[m] = Σ_j percent[j] × trait[j][m]}, to 12 significant digits, into {@code out[at..]}. */
    private static void capacities(SpeciesPool pool, double[] percent, double[] out, int at) {
        for (int m = 0; m < SpeciesPool.MOLECULES.size(); m++) {
            double c = 0;
            for (int j = 0; j < percent.length; j++) {
                c += percent[j] * pool.trait(j, m);
            }
            out[at + m] = Decimals.round(c, CAPACITY_DIGITS);
        }
    }

    /**
     * Step 5: {@code ko[k] = Σ_j percent[j] × copies[j][k] × 50 × exp(0.15·Z)}, to 6 significant
     * digits, into {@code out[at..]}; KOs no present species carries stay 0 and draw no noise.
     */
    private static void kos(SpeciesPool pool, double[] percent, ZigguratSampler.NormalizedGaussian noise,
            double[] work, double[] out, int at) {
        Arrays.fill(work, 0);
        for (int j = 0; j < percent.length; j++) {
            double a = percent[j];
            if (a > 0) {
                int[] idx = pool.koIndexOf(j);
                double[] copies = pool.koCopiesOf(j);
                for (int t = 0; t < idx.length; t++) {
                    work[idx[t]] += a * copies[t];
                }
            }
        }
        for (int k = 0; k < work.length; k++) {
            double v = work[k];
            if (v > 0) {
                out[at + k] = Decimals.round(v * SpeciesPool.KO_SCALE * Math.exp(KO_NOISE_SD * noise.sample()), KO_DIGITS);
            }
        }
    }

    /** Mean and population standard deviation of {@code ln(1 + capacity)} per molecule, to 6 significant digits. */
    private record Standardisation(double[] centre, double[] scale) {
    }

    /** Step 6a: the standardisation over the first {@code nTrain} (the training) patients; a constant capacity gets scale 1. */
    private static Standardisation standardise(double[] capacity, int nTrain) {
        int nMol = SpeciesPool.MOLECULES.size();
        double[] centre = new double[nMol];
        double[] scale = new double[nMol];
        for (int m = 0; m < nMol; m++) {
            double sum = 0;
            for (int p = 0; p < nTrain; p++) {
                sum += Math.log(PSEUDOCOUNT + capacity[p * nMol + m]);
            }
            double mean = sum / nTrain;
            double ss = 0;
            for (int p = 0; p < nTrain; p++) {
                double d = Math.log(PSEUDOCOUNT + capacity[p * nMol + m]) - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / nTrain);
            centre[m] = Decimals.round(mean, TRUTH_DIGITS);
            scale[m] = sd > 0 ? Decimals.round(sd, TRUTH_DIGITS) : 1;
        }
        return new Standardisation(centre, scale);
    }

    /** Step 6b: each patient's log-odds without the intercept: site effect + ε + Σ_m β_m z_m. */
    private static double[] latentPredictor(Patients patients, Site[] sites, Standardisation z,
            ZigguratSampler.NormalizedGaussian gauss) {
        int nMol = SpeciesPool.MOLECULES.size();
        double[] eta = new double[patients.count];
        for (int p = 0; p < eta.length; p++) {
            double lp = sites[patients.siteOf[p]].effect + LATENT_NOISE_SD * gauss.sample();
            for (int m = 0; m < nMol; m++) {
                lp += BETA[m] * (Math.log(PSEUDOCOUNT + patients.capacity[p * nMol + m]) - z.centre[m]) / z.scale[m];
            }
            eta[p] = lp;
        }
        return eta;
    }

    /** {@code P0001}, {@code P0002}, ...: at least four digits, as many as the count needs. */
    private static List<String> sampleIds(int n) {
        List<String> ids = new ArrayList<>(n);
        int width = Math.max(4, Integer.toString(n).length());
        for (int p = 0; p < n; p++) {
            ids.add("P" + String.format(Locale.ROOT, "%0" + width + "d", p + 1));
        }
        return ids;
    }

    /**
     * Step 6c: each patient responds with probability {@code sigmoid(intercept + eta)}; then
     * {@value #UNKNOWN_FRACTION} of the labels are hidden. Groups are the sites; covariates age and
     * cancer type.
     */
    private static SampleMetadata drawResponses(List<String> ids, Patients patients, Site[] sites, double[] eta,
            double intercept, UniformRandomProvider rng) {
        SampleMetadata.Builder meta = SampleMetadata.builder();
        for (int p = 0; p < patients.count; p++) {
            double prob = 1 / (1 + Math.exp(-(intercept + eta[p])));
            Response response = rng.nextDouble() < prob ? Response.RESPONDER : Response.NON_RESPONDER;
            if (rng.nextDouble() < UNKNOWN_FRACTION) {
                response = Response.UNKNOWN;
            }
            Map<String, String> cov = new LinkedHashMap<>();
            cov.put("age", Integer.toString(patients.age[p]));
            cov.put("cancer_type", CANCER_TYPES.get(patients.cancer[p]));
            meta.add(ids.get(p), response, sites[patients.siteOf[p]].name, cov);
        }
        return meta.build();
    }

    private static Truth truth(double intercept, Standardisation z, Site[] sites) {
        Map<String, Double> beta = new LinkedHashMap<>();
        Map<String, Double> centres = new LinkedHashMap<>();
        Map<String, Double> scales = new LinkedHashMap<>();
        for (int m = 0; m < SpeciesPool.MOLECULES.size(); m++) {
            String id = SpeciesPool.MOLECULES.get(m);
            beta.put(id, BETA[m]);
            centres.put(id, z.centre[m]);
            scales.put(id, z.scale[m]);
        }
        Map<String, Double> effects = new LinkedHashMap<>();
        for (Site site : sites) {
            effects.put(site.name, site.effect);
        }
        return new Truth(intercept, beta, centres, scales, effects, PSEUDOCOUNT, LATENT_NOISE_SD);
    }

    /** The tables; each large array is released as soon as its table holds a copy, to bound the peak heap. */
    private static Result result(SpeciesPool pool, List<String> ids, Patients patients, SampleMetadata metadata,
            Truth truth) {
        int nMol = SpeciesPool.MOLECULES.size();
        double[][] traitRows = new double[pool.speciesCount()][nMol];
        for (int j = 0; j < traitRows.length; j++) {
            for (int m = 0; m < nMol; m++) {
                traitRows[j][m] = pool.trait(j, m);
            }
        }
        FeatureTable species = FeatureTable.ofRowMajor(ids, pool.names(), patients.abundance, AbundanceUnit.PERCENT);
        patients.abundance = null;
        FeatureTable ko = FeatureTable.ofRowMajor(ids, pool.koNames(), patients.ko, AbundanceUnit.CPM);
        patients.ko = null;
        return new Result(species, ko, metadata,
                FeatureTable.ofRowMajor(ids, SpeciesPool.MOLECULES, patients.capacity, AbundanceUnit.CAPACITY),
                FeatureTable.of(pool.names(), SpeciesPool.MOLECULES, traitRows, AbundanceUnit.COUNTS), truth);
    }

    /**
     * One patient's composition (step 3): each species present with its site prevalence, log-normal
     * around its site mean plus the patient's Gram-negative and mevalonate shifts, sometimes a bloom;
     * in percent, values under {@value #DETECTION_LIMIT} % dropped, renormalised and rounded to 6
     * significant digits, into {@code w}.
     */
    private static void composition(Site site, SpeciesPool pool, UniformRandomProvider rng,
            ZigguratSampler.NormalizedGaussian gauss, int[] mevalonateSpecies, int[] proteoSpecies, double[] w) {
        int nSpecies = w.length;
        // Person-level axes: how Gram-negative and how mevalonate-rich this gut is overall.
        double gramNegativeShift = GRAM_NEGATIVE_SD * gauss.sample();
        double mevalonateShift = MEVALONATE_SD * gauss.sample();
        double total = 0;
        for (int j = 0; j < nSpecies; j++) {
            if (rng.nextDouble() < site.prevalence[j]) {
                double log = site.logMean[j] + LOG_ABUNDANCE_SD * gauss.sample();
                if (pool.trait(j, SpeciesPool.LPS) > 0) {
                    log += gramNegativeShift;
                }
                if (pool.trait(j, SpeciesPool.HMBPP) == 0) {
                    log += mevalonateShift;
                }
                w[j] = Math.exp(log);
            } else {
                w[j] = 0;
            }
            total += w[j];
        }
        if (total == 0) {
            w[site.dominant] = Math.exp(site.logMean[site.dominant]);
            total = w[site.dominant];
        }
        if (rng.nextDouble() < site.mevalonateBloom && mevalonateSpecies.length > 0) {
            total = bloom(w, total, mevalonateSpecies[rng.nextInt(mevalonateSpecies.length)], gauss);
        }
        if (rng.nextDouble() < site.proteobacteriaBloom && proteoSpecies.length > 0) {
            total = bloom(w, total, proteoSpecies[rng.nextInt(proteoSpecies.length)], gauss);
        }
        double kept = 0;
        for (int j = 0; j < nSpecies; j++) {
            double pct = 100 * w[j] / total;
            w[j] = pct < DETECTION_LIMIT ? 0 : pct;
            kept += w[j];
        }
        for (int j = 0; j < nSpecies; j++) {
            w[j] = Decimals.round(100 * w[j] / kept, ABUNDANCE_DIGITS);
        }
    }

    /** Makes species {@code j} take a share of the community drawn around 27%; returns the new total. */
    private static double bloom(double[] w, double total, int j, ZigguratSampler.NormalizedGaussian gauss) {
        double share = 1 / (1 + Math.exp(-(-1.0 + 1.2 * gauss.sample())));
        double others = total - w[j];
        w[j] = Math.max(w[j], share / (1 - share) * others);
        return others + w[j];
    }

    private static int[] speciesWithBloom(SpeciesPool pool, SpeciesPool.Bloom kind) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < pool.speciesCount(); j++) {
            if (pool.bloom(j) == kind) {
                out.add(j);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int categorical(double[] probabilities, double u) {
        double cum = 0;
        for (int c = 0; c < probabilities.length - 1; c++) {
            cum += probabilities[c];
            if (u < cum) {
                return c;
            }
        }
        return probabilities.length - 1;
    }

    /** The intercept b with mean over the first {@code n} patients of sigmoid(b + eta) equal to {@code rate}. */
    static double solveIntercept(double[] eta, int n, double rate) {
        double lo = -30;
        double hi = 30;
        for (int it = 0; it < 200 && hi - lo > 1e-12; it++) {
            double mid = 0.5 * (lo + hi);
            double mean = 0;
            for (int p = 0; p < n; p++) {
                mean += 1 / (1 + Math.exp(-(mid + eta[p])));
            }
            mean /= n;
            if (mean < rate) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntheticCohort c && seed == c.seed && Arrays.equals(siteSizes, c.siteSizes)
                && validationSize == c.validationSize && speciesCount == c.speciesCount && koCount == c.koCount
                && Double.compare(responderRate, c.responderRate) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, Arrays.hashCode(siteSizes), validationSize, speciesCount, koCount, responderRate);
    }

    @Override
    public String toString() {
        return "SyntheticCohort[seed=" + seed + ", sites=" + Arrays.toString(siteSizes) + ", validation="
                + validationSize + ", species=" + speciesCount + ", KOs=" + koCount + ", responderRate="
                + responderRate + "]";
    }
}
