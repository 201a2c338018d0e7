package org.gutsignal.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The species pool of a synthetic cohort: species names with real genera, their molecule
 * traits (copy numbers), their gene content (KEGG KO copy numbers) and their abundance priors.
 *
 * <p>Built once per generation from a seeded generator; immutable afterwards (arrays are never
 * handed out). Package-private.
 */
final class SpeciesPool {

    /** Molecule ids, in the column order of the trait and capacity tables. */
    static final List<String> MOLECULES = List.of("HMBPP", "LPS", "BUTYRATE", "SECONDARY_BILE_ACIDS", "INDOLE", "TMA");
    static final int HMBPP = 0;
    static final int LPS = 1;
    static final int BUTYRATE = 2;
    static final int SECONDARY_BILE_ACIDS = 3;
    static final int INDOLE = 4;
    static final int TMA = 5;

    // Marker KOs (COMMON.md). MEP pathway: dxs, dxr, ispD, ispE, ispF, ispG, ispH; ispDF fused.
    static final String DXS = "K01662";
    static final String DXR = "K00099";
    static final String ISPD = "K00991";
    static final String ISPE = "K00919";
    static final String ISPF = "K01770";
    static final String ISPDF = "K12506";
    static final String ISPG = "K03526";
    static final String ISPH = "K03527";
    static final List<String> LPS_KOS = List.of("K00677", "K02535", "K02536", "K03269", "K00748", "K00912", "K02527");
    /** Butyryl-CoA:acetate CoA-transferase route (atoD/atoA). */
    static final List<String> BUTYRATE_COA_TRANSFERASE = List.of("K01034", "K01035");
    /** Phosphotransbutyrylase / butyrate kinase route (ptb, buk). */
    static final List<String> BUTYRATE_KINASE = List.of("K00634", "K00929");
    static final List<String> BAI_KOS = List.of("K15868", "K15869", "K15870", "K15871", "K15872", "K15873", "K15874");
    static final String BSH = "K01442";
    static final String TNAA = "K01667";
    static final List<String> TMA_KOS = List.of("K20038", "K20037");
    /** Mevalonate pathway (not markers): HMG-CoA synthase and reductase, mvk, pmk, mvd. */
    static final List<String> MEVALONATE_KOS = List.of("K01641", "K00054", "K00869", "K00938", "K01597");
    /** Single-copy genes every species carries (gyrA, gyrB, rpoA-C, recA, chaperones, ribosome, ...). */
    static final List<String> HOUSEKEEPING_KOS = List.of("K02469", "K02470", "K03040", "K03043", "K03046", "K03553",
            "K04043", "K04077", "K02358", "K02519", "K02886", "K02906", "K02982", "K02988", "K02950", "K03076",
            "K03106", "K03531", "K02313", "K01889");

    /** Which kind of bloom a species can take part in. */
    enum Bloom {
        NONE, MEVALONATE, PROTEOBACTERIA
    }

    private record Genus(String name, boolean mep, boolean gramNegative, double butyrate, double bai, double bsh,
            double indole, double tma, double prevalence, double logAbundance, Bloom bloom, String... epithets) {
    }

    private static final Bloom N = Bloom.NONE;
    private static final Bloom MVA = Bloom.MEVALONATE;
    private static final Bloom PRO = Bloom.PROTEOBACTERIA;

    // name, MEP, Gram-negative, P(butyrate), P(bai), P(bsh), P(tnaA), P(cutC/D), prevalence, log abundance, bloom
    private static final List<Genus> GENERA = List.of(
            new Genus("Bacteroides", true, true, 0, 0, 0.8, 0.7, 0, 0.80, 2.0, N, "uniformis", "vulgatus",
                    "fragilis", "dorei", "ovatus", "thetaiotaomicron", "caccae", "stercoris", "cellulosilyticus",
                    "eggerthii", "massiliensis", "xylanisolvens", "finegoldii", "intestinalis", "plebeius",
                    "coprocola", "salyersiae", "faecis"),
            new Genus("Prevotella", true, true, 0, 0, 0, 0, 0, 0.35, 2.5, N, "copri", "stercorea", "disiens",
                    "bivia", "timonensis", "buccalis"),
            new Genus("Alistipes", true, true, 0, 0, 0, 0.6, 0, 0.70, 1.0, N, "putredinis", "shahii",
                    "onderdonkii", "finegoldii", "indistinctus", "senegalensis"),
            new Genus("Parabacteroides", true, true, 0, 0, 0.8, 0, 0, 0.70, 0.8, N, "distasonis", "merdae",
                    "johnsonii", "goldsteinii"),
            new Genus("Odoribacter", true, true, 1, 0, 0, 0, 0, 0.50, 0.0, N, "splanchnicus"),
            new Genus("Barnesiella", true, true, 0, 0, 0, 0, 0, 0.40, 0.0, N, "intestinihominis"),
            new Genus("Escherichia", true, true, 0, 0, 0, 1, 1, 0.60, -0.5, PRO, "coli"),
            new Genus("Klebsiella", true, true, 0, 0, 0, 0.5, 1, 0.25, -1.5, PRO, "pneumoniae", "oxytoca",
                    "variicola"),
            new Genus("Enterobacter", true, true, 0, 0, 0, 0, 0, 0.20, -1.5, PRO, "cloacae", "hormaechei"),
            new Genus("Citrobacter", true, true, 0, 0, 0, 0.5, 1, 0.15, -2.0, PRO, "freundii", "koseri"),
            new Genus("Proteus", true, true, 0, 0, 0, 0, 1, 0.05, -2.0, PRO, "mirabilis"),
            new Genus("Desulfovibrio", true, true, 0, 0, 0, 0, 1, 0.30, -1.5, N, "piger", "desulfuricans",
                    "fairfieldensis"),
            new Genus("Bilophila", true, true, 0, 0, 0, 0, 0, 0.50, -1.5, N, "wadsworthia"),
            new Genus("Sutterella", true, true, 0, 0, 0, 0, 0, 0.40, -0.5, N, "wadsworthensis"),
            new Genus("Haemophilus", true, true, 0, 0, 0, 0, 0, 0.40, -1.5, N, "parainfluenzae"),
            new Genus("Akkermansia", true, true, 0, 0, 0, 0, 0, 0.45, 0.5, N, "muciniphila"),
            new Genus("Veillonella", true, true, 0, 0, 0, 0, 0, 0.45, -1.0, N, "parvula", "atypica", "dispar"),
            new Genus("Faecalibacterium", true, false, 1, 0, 0, 0, 0, 0.90, 2.0, N, "prausnitzii"),
            new Genus("Roseburia", true, false, 1, 0, 0, 0, 0, 0.70, 0.5, N, "intestinalis", "inulinivorans",
                    "hominis", "faecis"),
            new Genus("Eubacterium", true, false, 0.6, 0, 0.3, 0, 0, 0.75, 1.0, N, "rectale", "hallii", "eligens",
                    "siraeum", "ventriosum", "biforme", "ramulus", "coprostanoligenes"),
            new Genus("Anaerostipes", true, false, 1, 0, 0, 0, 0, 0.60, -0.5, N, "hadrus", "caccae"),
            new Genus("Coprococcus", true, false, 0.7, 0, 0, 0, 0, 0.60, 0.0, N, "comes", "catus", "eutactus"),
            new Genus("Ruminococcus", true, false, 0, 0, 0.3, 0, 0, 0.70, 0.8, N, "bromii", "gnavus", "torques",
                    "lactaris", "callidus", "champanellensis", "albus"),
            new Genus("Blautia", true, false, 0, 0, 0.5, 0, 0, 0.85, 0.5, N, "obeum", "wexlerae", "producta",
                    "hansenii", "luti", "hydrogenotrophica"),
            new Genus("Dorea", true, false, 0, 0, 0, 0, 0, 0.75, 0.0, N, "longicatena", "formicigenerans"),
            new Genus("Clostridium", true, false, 0.3, 0.1, 0.5, 0.3, 0.25, 0.50, -0.5, N, "scindens", "hylemonae",
                    "sporogenes", "bolteae", "symbiosum", "butyricum", "leptum", "citroniae", "asparagiforme",
                    "hathewayi", "perfringens", "innocuum", "clostridioforme", "ramosum", "nexile", "spiroforme"),
            new Genus("Oscillibacter", true, false, 0, 0, 0, 0, 0, 0.60, -0.5, N, "valericigenes"),
            new Genus("Bifidobacterium", true, false, 0, 0, 1, 0, 0, 0.60, 1.0, N, "longum", "adolescentis",
                    "bifidum", "breve", "pseudocatenulatum", "angulatum", "dentium", "animalis", "catenulatum"),
            new Genus("Collinsella", true, false, 0, 0, 0, 0, 0, 0.60, 0.5, N, "aerofaciens"),
            new Genus("Eggerthella", true, false, 0, 0, 0, 0, 0, 0.35, -1.5, N, "lenta"),
            new Genus("Lactobacillus", false, false, 0, 0, 0.7, 0, 0, 0.35, -1.0, MVA, "ruminis", "acidophilus",
                    "gasseri", "rhamnosus", "plantarum", "reuteri", "salivarius", "fermentum", "casei", "johnsonii",
                    "delbrueckii", "crispatus", "paracasei"),
            new Genus("Streptococcus", false, false, 0, 0, 0, 0, 0, 0.60, -0.5, MVA, "salivarius", "thermophilus",
                    "parasanguinis", "mitis", "oralis", "vestibularis", "anginosus", "gallolyticus", "mutans",
                    "sanguinis", "infantis", "gordonii"),
            new Genus("Enterococcus", false, false, 0, 0, 0.5, 0, 0, 0.35, -1.0, MVA, "faecalis", "faecium",
                    "durans", "avium", "casseliflavus", "gallinarum", "hirae"),
            new Genus("Lactococcus", false, false, 0, 0, 0, 0, 0, 0.20, -1.5, MVA, "lactis", "garvieae"),
            new Genus("Staphylococcus", false, false, 0, 0, 0, 0, 0, 0.15, -2.0, MVA, "aureus", "epidermidis",
                    "haemolyticus"));

    /** Trait flags forced on or off for named species, overriding the genus probabilities. */
    private static final Map<String, Set<String>> FORCED_ON = Map.ofEntries(
            Map.entry("Clostridium_scindens", Set.of("bai", "bsh")),
            Map.entry("Clostridium_hylemonae", Set.of("bai", "bsh")),
            Map.entry("Clostridium_sporogenes", Set.of("indole")),
            Map.entry("Clostridium_butyricum", Set.of("butyrate")),
            Map.entry("Clostridium_citroniae", Set.of("tma")),
            Map.entry("Clostridium_asparagiforme", Set.of("tma")),
            Map.entry("Clostridium_hathewayi", Set.of("tma")),
            Map.entry("Clostridium_perfringens", Set.of("bsh")),
            Map.entry("Eubacterium_rectale", Set.of("butyrate")),
            Map.entry("Eubacterium_hallii", Set.of("butyrate")),
            Map.entry("Eubacterium_ventriosum", Set.of("butyrate")),
            Map.entry("Coprococcus_catus", Set.of("butyrate")),
            Map.entry("Coprococcus_eutactus", Set.of("butyrate")),
            Map.entry("Klebsiella_oxytoca", Set.of("indole")),
            Map.entry("Bacteroides_thetaiotaomicron", Set.of("indole", "bsh")),
            Map.entry("Lactobacillus_plantarum", Set.of("bsh")),
            Map.entry("Enterococcus_faecalis", Set.of("bsh")));
    private static final Map<String, Set<String>> FORCED_OFF = Map.ofEntries(
            Map.entry("Eubacterium_eligens", Set.of("butyrate")),
            Map.entry("Eubacterium_siraeum", Set.of("butyrate")),
            Map.entry("Klebsiella_pneumoniae", Set.of("indole")),
            Map.entry("Clostridium_leptum", Set.of("bai", "tma")),
            Map.entry("Clostridium_innocuum", Set.of("bai")));

    /** Abundant MEP users one of which dominates each site (kept if they are in the pool). */
    private static final List<String> DOMINANT_CANDIDATES = List.of("Bacteroides_uniformis", "Prevotella_copri",
            "Faecalibacterium_prausnitzii", "Bacteroides_vulgatus", "Alistipes_putredinis", "Eubacterium_rectale",
            "Bifidobacterium_adolescentis", "Ruminococcus_bromii", "Akkermansia_muciniphila", "Bacteroides_fragilis",
            "Prevotella_stercorea", "Bifidobacterium_longum", "Bacteroides_dorei");

    /** CPM per percent of abundance per gene copy. */
    static final double KO_SCALE = 50.0;

    /** Smallest pool: one species per genus. */
    static final int MIN_SPECIES = GENERA.size();
    /** Smallest KO table: markers, mevalonate and housekeeping genes. */
    static final int MIN_KOS = markerKos().size() + MEVALONATE_KOS.size() + HOUSEKEEPING_KOS.size();

    private final String[] names;
    private final double[][] traits;       // [species][molecule]
    private final double[] prevalence;      // pool-wide probability of being present
    private final double[] logMean;         // pool-wide mean of log abundance when present
    private final Bloom[] bloom;
    private final int[] dominantCandidates; // species indices
    private final String[] koNames;         // sorted
    private final int[][] koIndex;          // [species] -> KO columns carried
    private final double[][] koCopies;      // [species] -> copies of those KOs

    private SpeciesPool(String[] names, double[][] traits, double[] prevalence, double[] logMean, Bloom[] bloom,
            int[] dominantCandidates, String[] koNames, int[][] koIndex, double[][] koCopies) {
        this.names = names;
        this.traits = traits;
        this.prevalence = prevalence;
        this.logMean = logMean;
        this.bloom = bloom;
        this.dominantCandidates = dominantCandidates;
        this.koNames = koNames;
        this.koIndex = koIndex;
        this.koCopies = koCopies;
    }

    static List<String> markerKos() {
        List<String> kos = new ArrayList<>(List.of(DXS, DXR, ISPD, ISPE, ISPF, ISPDF, ISPG, ISPH));
        kos.addAll(LPS_KOS);
        kos.addAll(BUTYRATE_COA_TRANSFERASE);
        kos.addAll(BUTYRATE_KINASE);
        kos.addAll(BAI_KOS);
        kos.add(BSH);
        kos.add(TNAA);
        kos.addAll(TMA_KOS);
        return kos;
    }

    /**
     * Builds a pool of {@code speciesCount} species carrying {@code koCount} distinct KOs in total.
     * Real species are taken one per genus in turn (so every genus is represented); beyond the
     * real species, synthetic ones named {@code <Genus>_synthNN} are added the same way.
     */
    static SpeciesPool build(int speciesCount, int koCount, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        // Choose species round-robin over genera, then list them in genus order.
        List<List<String>> perGenus = new ArrayList<>();
        for (Genus g : GENERA) {
            perGenus.add(new ArrayList<>());
        }
        int chosen = 0;
        int[] synthCounter = new int[GENERA.size()];
        for (int round = 0; chosen < speciesCount; round++) {
            for (int g = 0; g < GENERA.size() && chosen < speciesCount; g++) {
                Genus genus = GENERA.get(g);
                if (round < genus.epithets().length) {
                    perGenus.get(g).add(genus.epithets()[round]);
                } else if (round >= maxEpithets()) {
                    perGenus.get(g).add(String.format(java.util.Locale.ROOT, "synth%02d", ++synthCounter[g]));
                } else {
                    continue;
                }
                chosen++;
            }
        }
        String[] names = new String[speciesCount];
        int[] genusOf = new int[speciesCount];
        int[] rank = new int[speciesCount];
        int s = 0;
        for (int g = 0; g < GENERA.size(); g++) {
            List<String> eps = perGenus.get(g);
            for (int r = 0; r < eps.size(); r++) {
                names[s] = GENERA.get(g).name() + "_" + eps.get(r);
                genusOf[s] = g;
                rank[s] = r;
                s++;
            }
        }

        double[][] traits = new double[speciesCount][MOLECULES.size()];
        boolean[] bsh = new boolean[speciesCount];
        boolean[] kinaseRoute = new boolean[speciesCount];
        boolean[] fusedIspDF = new boolean[speciesCount];
        boolean[] mevalonateDxs = new boolean[speciesCount];
        double[] prevalence = new double[speciesCount];
        double[] logMean = new double[speciesCount];
        Bloom[] bloom = new Bloom[speciesCount];
        for (int j = 0; j < speciesCount; j++) {
            Genus g = GENERA.get(genusOf[j]);
            String name = names[j];
            traits[j][HMBPP] = g.mep() ? 1 : 0;
            traits[j][LPS] = g.gramNegative() ? 1 : 0;
            traits[j][BUTYRATE] = flag(name, "butyrate", g.butyrate(), rng) ? 1 : 0;
            traits[j][SECONDARY_BILE_ACIDS] = flag(name, "bai", g.bai(), rng) ? 1 : 0;
            traits[j][INDOLE] = flag(name, "indole", g.indole(), rng) ? 1 : 0;
            traits[j][TMA] = flag(name, "tma", g.tma(), rng) ? 1 : 0;
            bsh[j] = flag(name, "bsh", g.bsh(), rng);
            kinaseRoute[j] = g.name().equals("Clostridium") || g.name().equals("Coprococcus")
                    || g.name().equals("Odoribacter");
            fusedIspDF[j] = g.mep() && rng.nextDouble() < 0.15;
            mevalonateDxs[j] = !g.mep() && rng.nextDouble() < 0.3;
            prevalence[j] = Math.min(0.97, Math.max(0.02, g.prevalence() * Math.exp(0.3 * gauss.sample())));
            logMean[j] = g.logAbundance() + 0.7 * gauss.sample() - 0.1 * rank[j];
            bloom[j] = g.bloom();
        }

        List<Integer> dominants = new ArrayList<>();
        List<String> nameList = Arrays.asList(names);
        for (String c : DOMINANT_CANDIDATES) {
            int j = nameList.indexOf(c);
            if (j >= 0) {
                dominants.add(j);
            }
        }

        // KO universe: markers, mevalonate, housekeeping, then background numbers drawn from the KEGG range.
        TreeSet<String> fixed = new TreeSet<>(markerKos());
        fixed.addAll(MEVALONATE_KOS);
        fixed.addAll(HOUSEKEEPING_KOS);
        List<String> background = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(fixed);
        while (all.size() < koCount) {
            String ko = String.format(java.util.Locale.ROOT, "K%05d", 1 + rng.nextInt(19999));
            if (all.add(ko)) {
                background.add(ko);
            }
        }
        String[] koNames = all.toArray(new String[0]);
        Map<String, Integer> col = new HashMap<>();
        for (int k = 0; k < koNames.length; k++) {
            col.put(koNames[k], k);
        }
        // Background presence: per KO a genus-level probability, species follow their genus mostly.
        double[][] speciesCopies = new double[speciesCount][koNames.length];
        for (String ko : background) {
            int k = col.get(ko);
            double breadth = Math.pow(rng.nextDouble(), 1.5);
            boolean[] genusHas = new boolean[GENERA.size()];
            for (int g = 0; g < genusHas.length; g++) {
                genusHas[g] = rng.nextDouble() < breadth;
            }
            for (int j = 0; j < speciesCount; j++) {
                double u = rng.nextDouble();
                boolean has = genusHas[genusOf[j]] ? u < 0.9 : u < 0.03;
                if (has) {
                    speciesCopies[j][k] = rng.nextDouble() < 0.1 ? 2 : 1;
                }
            }
        }
        for (int j = 0; j < speciesCount; j++) {
            double[] c = speciesCopies[j];
            for (String ko : HOUSEKEEPING_KOS) {
                c[col.get(ko)] = 1;
            }
            if (traits[j][HMBPP] > 0) {
                for (String ko : List.of(DXS, DXR, ISPE, ISPG, ISPH)) {
                    c[col.get(ko)] = traits[j][HMBPP];
                }
                if (fusedIspDF[j]) {
                    c[col.get(ISPDF)] = traits[j][HMBPP];
                } else {
                    c[col.get(ISPD)] = traits[j][HMBPP];
                    c[col.get(ISPF)] = traits[j][HMBPP];
                }
            } else {
                for (String ko : MEVALONATE_KOS) {
                    c[col.get(ko)] = 1;
                }
                if (mevalonateDxs[j]) {
                    c[col.get(DXS)] = 1; // dxs also feeds thiamine and pyridoxal synthesis
                }
            }
            setAll(c, col, LPS_KOS, traits[j][LPS]);
            setAll(c, col, kinaseRoute[j] ? BUTYRATE_KINASE : BUTYRATE_COA_TRANSFERASE, traits[j][BUTYRATE]);
            setAll(c, col, BAI_KOS, traits[j][SECONDARY_BILE_ACIDS]);
            if (bsh[j]) {
                c[col.get(BSH)] = GENERA.get(genusOf[j]).name().equals("Lactobacillus") ? 1 + rng.nextInt(3) : 1;
            }
            setAll(c, col, List.of(TNAA), traits[j][INDOLE]);
            setAll(c, col, TMA_KOS, traits[j][TMA]);
        }
        int[][] koIndex = new int[speciesCount][];
        double[][] koCopies = new double[speciesCount][];
        for (int j = 0; j < speciesCount; j++) {
            int nz = 0;
            for (double v : speciesCopies[j]) {
                if (v > 0) {
                    nz++;
                }
            }
            koIndex[j] = new int[nz];
            koCopies[j] = new double[nz];
            int t = 0;
            for (int k = 0; k < koNames.length; k++) {
                if (speciesCopies[j][k] > 0) {
                    koIndex[j][t] = k;
                    koCopies[j][t] = speciesCopies[j][k];
                    t++;
                }
            }
        }
        String[] prefixed = new String[speciesCount];
        for (int j = 0; j < speciesCount; j++) {
            prefixed[j] = "s__" + names[j];
        }
        return new SpeciesPool(prefixed, traits, prevalence, logMean, bloom,
                dominants.stream().mapToInt(Integer::intValue).toArray(), koNames, koIndex, koCopies);
    }

    private static int maxEpithets() {
        int max = 0;
        for (Genus g : GENERA) {
            max = Math.max(max, g.epithets().length);
        }
        return max;
    }

    private static void setAll(double[] copies, Map<String, Integer> col, List<String> kos, double value) {
        if (value > 0) {
            for (String ko : kos) {
                copies[col.get(ko)] = value;
            }
        }
    }

    /** A trait flag: forced for a named species, otherwise drawn with the genus probability. */
    private static boolean flag(String species, String trait, double probability, UniformRandomProvider rng) {
        boolean drawn = rng.nextDouble() < probability; // always drawn, so overrides do not shift the stream
        if (FORCED_ON.getOrDefault(species, Set.of()).contains(trait)) {
            return true;
        }
        if (FORCED_OFF.getOrDefault(species, Set.of()).contains(trait)) {
            return false;
        }
        return drawn;
    }

    int speciesCount() {
        return names.length;
    }

    String name(int j) {
        return names[j];
    }

    List<String> names() {
        return List.of(names);
    }

    double trait(int j, int molecule) {
        return traits[j][molecule];
    }

    double prevalence(int j) {
        return prevalence[j];
    }

    double logMean(int j) {
        return logMean[j];
    }

    Bloom bloom(int j) {
        return bloom[j];
    }

    int[] dominantCandidates() {
        return dominantCandidates.clone();
    }

    int koCount() {
        return koNames.length;
    }

    List<String> koNames() {
        return List.of(koNames);
    }

    /** KO columns carried by species {@code j} (shared array; callers must not modify it). */
    int[] koIndexOf(int j) {
        return koIndex[j];
    }

    /** Copies of the KOs in {@link #koIndexOf(int)} (shared array; callers must not modify it). */
    double[] koCopiesOf(int j) {
        return koCopies[j];
    }
}
