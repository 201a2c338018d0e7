package org.gutsignal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.SampleIds;
import org.gutsignal.cohort.CohortFormatException;

/**
 * Reads a {@link FeatureTable} from a delimited UTF-8 text file in one of three layouts.
 *
 * <ul>
 *   <li>{@link #samplesAsRows()}: one row per sample; the first column holds the sample id, the
 *       header's other cells are the feature names. There is no default unit: say what the
 *       numbers are with {@link #withUnit(AbundanceUnit)}.</li>
 *   <li>{@link #humann()}: a HUMAnN gene-family, KO or pathway table (for example from
 *       {@code humann_join_tables}): one row per feature, one column per sample, the header's
 *       first cell starts with {@code #} ({@code # Gene Family}, {@code # Pathway}). By default
 *       the rows {@code UNMAPPED}, {@code UNGROUPED} and {@code UNINTEGRATED} are dropped
 *       ({@link #withUnmappedRows(boolean)}), stratified rows such as
 *       {@code K00001|g__Bacteroides.s__Bacteroides_uniformis} or {@code K00001|unclassified} are
 *       dropped so that only community totals remain ({@link #withStratifiedRows(boolean)}), and a
 *       label {@code K00001: alcohol dehydrogenase} becomes the feature name {@code K00001}
 *       ({@link #withFullLabels(boolean)}). Default unit {@link AbundanceUnit#RPK}. Sample names
 *       lose HUMAnN's {@code _Abundance-RPKs}-type suffixes ({@link #withSampleIdSuffixes}).</li>
 *   <li>{@link #metaphlan()}: a MetaPhlAn (merged) profile: one row per clade, one column per
 *       sample; the header's first cell is empty, {@code clade_name} or {@code #clade_name};
 *       lines starting with {@code #} before the header (such as {@code #mpa_v30_CHOCOPhlAn_201901})
 *       are skipped, and a second column {@code NCBI_tax_id} is skipped. Rows are full lineages
 *       ({@code k__Bacteria|...|s__Bacteroides_uniformis}) or single clades
 *       ({@code s__Bacteroides_uniformis}). By default only species rows are kept (last rank
 *       {@code s__}; strain rows {@code t__} and higher ranks are dropped) and the feature name is
 *       that last clade, e.g. {@code s__Bacteroides_uniformis}; {@link #withRank(String)} keeps
 *       another rank. Default unit {@link AbundanceUnit#PERCENT}.</li>
 * </ul>
 *
 * <pre>{@code
 * FeatureTable species = FeatureTableReader.metaphlan().read(Path.of("species_relab.tsv"));
 * FeatureTable kos = FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(Path.of("ko_cpm.tsv"));
 * FeatureTable caps = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CAPACITY)
 *         .read(Path.of("capacities.csv"));
 * }</pre>
 *
 * <p>The delimiter is a tab for names ending in {@code .tsv}, {@code .txt} or {@code .tab} and a
 * comma otherwise, unless set with {@link #withDelimiter(char)}. Cells may be quoted with
 * {@code "} (a quoted cell may hold delimiters and line breaks). A UTF-8 byte order mark, CRLF or
 * CR line ends, empty lines and lines of empty cells, and a missing final newline are accepted.
 * Every value must be a finite decimal number ({@code NaN}, {@code Inf}, {@code NA} and empty
 * cells are errors), and non-negative unless the unit is {@link AbundanceUnit#TRANSFORMED}.
 * Sample ids and feature names must be non-empty and unique. Nothing is coerced: every problem
 * is a {@link CohortFormatException} naming the file, line, column and what was expected.
 *
 * <p>Instances are immutable and thread-safe; {@code with…} methods return changed copies.
 */
public final class FeatureTableReader {

    enum Layout { SAMPLES_AS_ROWS, HUMANN, METAPHLAN }

    private static final Set<String> RANKS = Set.of("k__", "p__", "c__", "o__", "f__", "g__", "s__", "t__");
    static final char AUTO = DelimitedText.BY_NAME;

    final Layout layout;
    final char delimiter;
    final AbundanceUnit unit;
    final boolean unitStated;
    final boolean stratifiedRows;
    final boolean unmappedRows;
    final boolean fullLabels;
    final String rank;
    final boolean stripSuffixes;
    final UnaryOperator<String> rename;
    final Predicate<String> featureFilter; // null: every row the layout keeps
    final int threads;

    private FeatureTableReader(Layout layout, char delimiter, AbundanceUnit unit, boolean unitStated,
            boolean stratifiedRows, boolean unmappedRows, boolean fullLabels, String rank, boolean stripSuffixes,
            UnaryOperator<String> rename, Predicate<String> featureFilter, int threads) {
        this.layout = layout;
        this.delimiter = delimiter;
        this.unit = unit;
        this.unitStated = unitStated;
        this.stratifiedRows = stratifiedRows;
        this.unmappedRows = unmappedRows;
        this.fullLabels = fullLabels;
        this.rank = rank;
        this.stripSuffixes = stripSuffixes;
        this.rename = rename;
        this.featureFilter = featureFilter;
        this.threads = threads;
    }

    /** The settings while a {@code with…} method changes one of them. */
    private static final class Settings {
        Layout layout;
        char delimiter;
        AbundanceUnit unit;
        boolean unitStated;
        boolean stratifiedRows;
        boolean unmappedRows;
        boolean fullLabels;
        String rank;
        boolean stripSuffixes;
        UnaryOperator<String> rename;
        Predicate<String> featureFilter;
        int threads;

        Settings(FeatureTableReader r) {
            layout = r.layout;
            delimiter = r.delimiter;
            unit = r.unit;
            unitStated = r.unitStated;
            stratifiedRows = r.stratifiedRows;
            unmappedRows = r.unmappedRows;
            fullLabels = r.fullLabels;
            rank = r.rank;
            stripSuffixes = r.stripSuffixes;
            rename = r.rename;
            featureFilter = r.featureFilter;
            threads = r.threads;
        }
    }

    private FeatureTableReader with(java.util.function.Consumer<Settings> change) {
        Settings s = new Settings(this);
        change.accept(s);
        return new FeatureTableReader(s.layout, s.delimiter, s.unit, s.unitStated, s.stratifiedRows, s.unmappedRows,
                s.fullLabels, s.rank, s.stripSuffixes, s.rename, s.featureFilter, s.threads);
    }

    /** One row per sample, the first column the sample id; no default unit (set one with {@link #withUnit}). */
    public static FeatureTableReader samplesAsRows() {
        return new FeatureTableReader(Layout.SAMPLES_AS_ROWS, AUTO, null, false, false, false, false, null, false, null,
                null, 1);
    }

    /** A HUMAnN table: community totals only, {@code UNMAPPED}-type rows dropped, labels cut to ids, unit RPK. */
    public static FeatureTableReader humann() {
        return new FeatureTableReader(Layout.HUMANN, AUTO, AbundanceUnit.RPK, false, false, false, false, null, true,
                null, null, 1);
    }

    /** A MetaPhlAn profile: species rows only, named {@code s__Genus_species}, unit percent. */
    public static FeatureTableReader metaphlan() {
        return new FeatureTableReader(Layout.METAPHLAN, AUTO, AbundanceUnit.PERCENT, false, false, false, false, "s__",
                true, null, null, 1);
    }

    /**
     * A copy that splits cells at {@code delimiter} whatever the file's extension.
     *
     * @throws IllegalArgumentException if the delimiter is a quote, CR or LF
     */
    public FeatureTableReader withDelimiter(char delimiter) {
        checkDelimiter(delimiter);
        return with(s -> s.delimiter = delimiter);
    }

    /** A copy whose tables get this unit (which also decides whether negative values are errors). */
    public FeatureTableReader withUnit(AbundanceUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return with(s -> {
            s.unit = unit;
            s.unitStated = true;
        });
    }

    /**
     * A copy that keeps ({@code true}) or drops ({@code false}, the default) HUMAnN's stratified rows
     * {@code FEATURE|g__Genus.s__species} and {@code FEATURE|unclassified}. Kept rows are named
     * {@code FEATURE|stratum}, with the feature label shortened as by {@link #withFullLabels(boolean)}.
     *
     * @throws IllegalStateException if this is not a {@link #humann()} reader
     */
    public FeatureTableReader withStratifiedRows(boolean keep) {
        requireLayout(Layout.HUMANN, "withStratifiedRows");
        return with(s -> s.stratifiedRows = keep);
    }

    /**
     * A copy that keeps ({@code true}) or drops ({@code false}, the default) HUMAnN's
     * {@code UNMAPPED}, {@code UNGROUPED} and {@code UNINTEGRATED} rows.
     *
     * @throws IllegalStateException if this is not a {@link #humann()} reader
     */
    public FeatureTableReader withUnmappedRows(boolean keep) {
        requireLayout(Layout.HUMANN, "withUnmappedRows");
        return with(s -> s.unmappedRows = keep);
    }

    /**
     * A copy that names features by their full HUMAnN label ({@code true}, e.g.
     * {@code K00001: alcohol dehydrogenase}) or by the part before {@code ": "} ({@code false},
     * the default, e.g. {@code K00001}).
     *
     * @throws IllegalStateException if this is not a {@link #humann()} reader
     */
    public FeatureTableReader withFullLabels(boolean full) {
        requireLayout(Layout.HUMANN, "withFullLabels");
        return with(s -> s.fullLabels = full);
    }

    /**
     * A copy that keeps the MetaPhlAn rows whose last clade has this rank prefix instead of
     * {@code s__}, e.g. {@code "g__"} for a genus table (features named {@code g__Bacteroides}).
     *
     * @param rank one of {@code k__ p__ c__ o__ f__ g__ s__ t__}
     * @throws IllegalArgumentException if the rank is not one of these
     * @throws IllegalStateException    if this is not a {@link #metaphlan()} reader
     */
    public FeatureTableReader withRank(String rank) {
        requireLayout(Layout.METAPHLAN, "withRank");
        if (!RANKS.contains(rank)) {
            throw new IllegalArgumentException("rank must be one of " + new java.util.TreeSet<>(RANKS) + " but was '"
                    + rank + "'");
        }
        return with(s -> s.rank = rank);
    }

    /**
     * A copy that strips ({@code true}, the default for HUMAnN and MetaPhlAn tables) or keeps the
     * suffixes the bioBakery tools add to sample ids ({@code _Abundance-RPKs}, {@code _Abundance},
     * {@code _taxonomic_profile}, {@code _profile}, …: the list of
     * {@link org.gutsignal.cohort.SampleIds}), so that the ids
     * join with the metadata's. Every id changed is listed in {@link ReadReport#renamedSamples()}.
     *
     * @throws IllegalStateException if this is a {@link #samplesAsRows()} reader
     */
    public FeatureTableReader withSampleIdSuffixes(boolean strip) {
        if (layout == Layout.SAMPLES_AS_ROWS) {
            throw new IllegalStateException("withSampleIdSuffixes applies to humann() and metaphlan() readers only");
        }
        return with(s -> s.stripSuffixes = strip);
    }

    /**
     * A copy that renames every sample id (after suffix stripping), e.g. {@code id -> id.replace('-', '_')}
     * or {@code Map.of(...)::get}. The function must give a non-empty id for every sample (an
     * empty or null result is an error naming the column) and must not make two ids equal.
     * Renamed ids are listed in {@link ReadReport#renamedSamples()}.
     */
    public FeatureTableReader withSampleIdRename(UnaryOperator<String> rename) {
        Objects.requireNonNull(rename, "rename");
        return with(s -> s.rename = rename);
    }

    /**
     * A copy that holds only the feature rows whose name (as the table would name the feature)
     * passes {@code keep}: for taking a few features out of a table too large to hold, such as
     * the marker KOs of a HUMAnN gene-family table with millions of rows
     * ({@link org.gutsignal.profile.SignallingProfiler} does this). The other rows are still read
     * and checked cell by cell and count in the report (as {@code "not selected"}); special rows
     * still give their shares and units are still decided by all rows. Memory is that of the kept
     * rows: names are checked for duplicates among kept rows only. A table with no kept row reads
     * as a table of no features. {@code keep} is called on the reading thread, once per row.
     *
     * @throws IllegalStateException if this is a {@link #samplesAsRows()} reader
     */
    public FeatureTableReader withFeatureFilter(Predicate<String> keep) {
        Objects.requireNonNull(keep, "keep");
        if (layout == Layout.SAMPLES_AS_ROWS) {
            throw new IllegalStateException("withFeatureFilter applies to humann() and metaphlan() readers only");
        }
        return with(s -> s.featureFilter = keep);
    }

    /**
     * A copy whose {@link #readAll} and {@link #readDirectory} read up to {@code threads} files at
     * a time, each on its own thread (1, the default: one after another on the calling thread).
     * The result is the same whatever the number of threads: the same table, samples in list
     * order, and the same report; if files fail, the error is that of the first failing file in
     * list order, as on one thread. Memory: the tables read (held until they are merged, as on
     * one thread) and one read buffer per thread. The functions given to
     * {@link #withFeatureFilter} and {@link #withSampleIdRename} are then called from several
     * threads at once, so they must be thread-safe; a read of one file is always on one thread.
     * The heap check of each read (see {@link #read}) measures the free heap as that read sees
     * it, not a share of it: several very large files read at once can together need more heap
     * than each check foresaw. Per-sample profiles are small; read huge tables one at a time.
     *
     * @param threads the most files read at once (≥ 1)
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public FeatureTableReader withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + threads);
        }
        return with(s -> s.threads = threads);
    }

    private void requireLayout(Layout required, String method) {
        if (layout != required) {
            throw new IllegalStateException(method + " applies to " + factoryName(required)
                    + "() readers only, not to " + factoryName(layout) + "()");
        }
    }

    private static String factoryName(Layout layout) {
        return switch (layout) {
            case SAMPLES_AS_ROWS -> "samplesAsRows";
            case HUMANN -> "humann";
            case METAPHLAN -> "metaphlan";
        };
    }

    static void checkDelimiter(char d) {
        if (d == '"' || d == '\n' || d == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
    }

    /**
     * Reads a table.
     *
     * @param file a UTF-8 text file
     * @return the table, samples in file order, features in file order
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException                       if the file cannot be read (the message names it)
     * @throws CohortFormatException             if the content is not a table of this layout: see the class comment
     * @throws IllegalStateException             if this is a {@link #samplesAsRows()} reader without a unit
     */
    public FeatureTable read(Path file) throws IOException {
        return readWithReport(file).table();
    }

    /**
     * Reads a table and reports what the read saw: the format, how the unit was decided, rows
     * left out by kind, each sample's share of special rows ({@code UNMAPPED},
     * {@code UNINTEGRATED}, {@code UNCLASSIFIED}…), renamed sample ids and warnings about
     * degenerate inputs.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException                       if the file cannot be read (the message names it)
     * @throws CohortFormatException             as {@link #read}
     * @throws IllegalStateException             if this is a {@link #samplesAsRows()} reader without a unit
     */
    public ReadReport readWithReport(Path file) throws IOException {
        if (unit == null) {
            throw new IllegalStateException("samplesAsRows() has no default unit: say what the numbers are with "
                    + "withUnit(AbundanceUnit)");
        }
        try (DelimitedText text = DelimitedText.open(file, delimiter)) {
            if (layout == Layout.SAMPLES_AS_ROWS) {
                FeatureTable t = readSamplesAsRows(text);
                return new ReadReport(t, text.fileName(), "samples as rows", unit, "stated", Map.of(), Map.of(),
                        Map.of(), List.of());
            }
            Path name = file.getFileName();
            return new FeatureRows(this, text, SampleIds.withoutFileExtensions(name == null ? "" : name.toString()))
                    .read();
        }
    }

    /**
     * The layout a table file is in, decided by its content (after gzip or bzip2 decompression):
     * {@code "biom"} for HDF5 or a JSON object, {@code "metaphlan"} for MetaPhlAn's {@code #mpa_} or
     * {@code clade_name} headers or rank-prefixed clade rows ({@code k__…}), {@code "humann"} for a
     * header starting with {@code #} whose rows are HUMAnN features, else {@code "samples"}
     * (one row per sample). For the command line's {@code --format auto}; the readers themselves
     * never guess.
     *
     * @throws IOException as reading the file does
     */
    public static String detectLayout(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] plain;
        try (FileBytes.Source source = FileBytes.openHead(file, name)) {
            plain = source.bytes().readNBytes(FileBytes.HEAD);
        }
        if (FileBytes.isHdf5(plain)) {
            return "biom";
        }
        String head = new String(plain, java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = head.replace("\r", "").split("\n", 40);
        String first = null;
        String firstCell = null;
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = t;
                if (t.startsWith("{")) {
                    return "biom";
                }
            }
            String cell = t.split("[\t,]", 2)[0].replace("\"", "").strip();
            if (firstCell == null) {
                firstCell = cell;
            }
            String lower = cell.toLowerCase(Locale.ROOT);
            if (lower.startsWith("#mpa_") || lower.equals("clade_name") || lower.equals("#clade_name")
                    || cell.matches("[kpcofgst]__[^|]+(\\|.*)?") || lower.equals("unclassified")
                    || lower.equals("unknown")) {
                return "metaphlan";
            }
        }
        if (firstCell != null && firstCell.startsWith("#")) {
            return "humann";
        }
        return "samples";
    }

    /**
     * Reads several files of one kind (per-sample MetaPhlAn profiles, HUMAnN gene-family,
     * pathway or KO outputs, or merged tables) and merges their samples into one table with
     * {@link FeatureTable#merge}: features are the union, and <b>a feature absent from a file is 0
     * for that file's samples</b> (absent from a profile means not detected); how many values
     * were filled so is in the report's warnings. The files are read in the given order, which is
     * the sample order of the result ({@link #withThreads}: several at a time, same result).
     *
     * @param files at least one file
     * @return the merged table and a report that sums the files' dropped rows, joins their
     *         shares, renamed ids and warnings (each warning names its file)
     * @throws IOException              as {@link #readWithReport}, for the first file that fails
     * @throws IllegalArgumentException if the list is empty, the files' units differ, or a sample
     *                                  id appears in two files (the message names them)
     */
    public ReadReport readAll(List<Path> files) throws IOException {
        return readAll(files, (done, total) -> { });
    }

    /**
     * {@link #readAll(List)}, telling {@code progress} after each file: {@code (files read, files)}.
     * The listener runs on the calling thread (with {@link #withThreads}, too: it then counts the
     * files in the order their reads end).
     *
     * @throws IOException              as {@link #readAll(List)}
     * @throws IllegalArgumentException as {@link #readAll(List)}
     */
    public ReadReport readAll(List<Path> files, java.util.function.BiConsumer<Integer, Integer> progress)
            throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to read");
        }
        List<ReadReport> reports;
        if (threads > 1 && files.size() > 1) {
            reports = ParallelReads.map(files, threads, this::readWithReport, progress);
        } else {
            reports = new ArrayList<>(files.size());
            for (Path f : files) {
                reports.add(readWithReport(f));
                progress.accept(reports.size(), files.size());
            }
        }
        List<FeatureTable> tables = new ArrayList<>(reports.size());
        Map<String, Integer> dropped = new java.util.LinkedHashMap<>();
        Map<String, Map<String, Double>> shares = new java.util.LinkedHashMap<>();
        Map<String, String> renamed = new java.util.LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> fileOfSample = new HashMap<>();
        java.util.Set<String> units = new java.util.LinkedHashSet<>();
        for (ReadReport r : reports) {
            for (String id : r.table().sampleIds()) {
                String other = fileOfSample.putIfAbsent(id, r.file());
                if (other != null) {
                    throw new IllegalArgumentException("sample id '" + id + "' is in " + other + " and in " + r.file()
                            + ": sample ids must be unique across the files (rename them with withSampleIdRename)");
                }
            }
            units.add(r.unit() + " (" + r.file() + ")");
            tables.add(r.table());
            r.droppedRows().forEach((k, v) -> dropped.merge(k, v, Integer::sum));
            r.shares().forEach((k, v) -> shares.computeIfAbsent(k, x -> new java.util.LinkedHashMap<>()).putAll(v));
            renamed.putAll(r.renamedSamples());
            r.warnings().forEach(w -> warnings.add(r.file() + ": " + w));
        }
        FeatureTable.Merged merged;
        try {
            merged = FeatureTable.merge(tables);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot merge " + files.size() + " files: " + e.getMessage()
                    + "; their units are " + units, e);
        }
        if (merged.filledValueCount() > 0) {
            warnings.add(0, "filled " + merged.filledValueCount() + " values with 0 in "
                    + merged.filledFeaturesBySample().size() + " samples: a feature absent from a file counts as 0 "
                    + "(not detected) for that file's samples");
        }
        ReadReport first = reports.get(0);
        return new ReadReport(merged.table(), files.size() + " files (" + first.file() + " …)",
                files.size() + " × " + first.format(), first.unit(), first.unitSource(), dropped, shares, renamed,
                warnings);
    }

    /**
     * {@link #readAll} on the files of a directory whose names match a glob (for example
     * {@code "*_profile.txt"} or {@code "*_genefamilies.tsv.gz"}), in name order.
     *
     * @throws java.nio.file.NoSuchFileException if the directory does not exist
     * @throws IOException                       as {@link #readAll}, or if no file matches (the
     *                                           message names the directory and the glob)
     */
    public ReadReport readDirectory(Path dir, String glob) throws IOException {
        return readAll(filesIn(dir, glob));
    }

    /**
     * The regular files of a directory whose names match a glob ({@code "*_profile.txt"}), in name
     * order: the files {@link #readDirectory} reads, for a caller that decides their layout first.
     *
     * @return at least one file
     * @throws java.nio.file.NoSuchFileException if the directory does not exist, or if no file
     *                                           matches (the message names the directory and the glob)
     * @throws IOException                       if the directory cannot be listed
     */
    public static List<Path> filesIn(Path dir, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = java.nio.file.Files.newDirectoryStream(dir, glob)) {
            for (Path p : ds) {
                if (java.nio.file.Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        if (files.isEmpty()) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no file matches '" + glob + "'");
        }
        files.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
        return List.copyOf(files);
    }

    private FeatureTable readSamplesAsRows(DelimitedText text) throws IOException {
        String file = text.fileName();
        DelimitedText.Row header = firstRow(text);
        String[] h = header.cells;
        if (h.length < 2) {
            throw CohortFormatException.atLine(file, header.line, "expected a header with the sample id column and "
                    + "at least one feature column but found 1 cell " + DelimitedText.quote(h[0])
                    + (delimiter == AUTO ? " (is the delimiter right? it follows the file extension)" : ""));
        }
        int p = h.length - 1;
        List<String> features = new ArrayList<>(p);
        Map<String, Integer> seenFeatures = new HashMap<>(2 * p);
        for (int c = 1; c < h.length; c++) {
            String name = h[c];
            if (name.isEmpty()) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, null,
                        "expected a feature name but found an empty cell");
            }
            Integer first = seenFeatures.put(name, c);
            if (first != null) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, name,
                        "duplicate feature name '" + name + "' (first in column " + (first + 1) + ")");
            }
            features.add(name);
        }
        List<String> samples = new ArrayList<>();
        Map<String, Long> seenSamples = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        HeapBudget budget = HeapBudget.of(text);
        String width = String.format(Locale.ROOT, "× %,d features", p);
        for (DelimitedText.Row row = text.next(); row != null; row = text.next()) {
            checkWidth(file, row, h);
            String id = row.cells[0];
            if (id.isEmpty()) {
                throw CohortFormatException.at(file, row.line, 1, DelimitedText.nameOf(h, 0),
                        "expected a sample id but found an empty cell");
            }
            Long first = seenSamples.put(id, row.line);
            if (first != null) {
                throw CohortFormatException.at(file, row.line, 1, DelimitedText.nameOf(h, 0),
                        "duplicate sample id '" + id + "' (first on line " + first + ")");
            }
            double[] values = new double[p];
            for (int c = 1; c < h.length; c++) {
                values[c - 1] = value(file, row, c, h[c]);
            }
            samples.add(id);
            rows.add(values);
            budget.rowKept(rows.size(), p, "samples", width);
        }
        if (rows.isEmpty()) {
            throw noDataRows(file, header);
        }
        return FeatureTable.of(samples, features, rows.toArray(new double[0][]), unit);
    }

    private static DelimitedText.Row firstRow(DelimitedText text) throws IOException {
        DelimitedText.Row header = text.next();
        if (header == null) {
            throw CohortFormatException.inFile(text.fileName(), "expected a header line but the file is empty");
        }
        return header;
    }

    static CohortFormatException noDataRows(String file, DelimitedText.Row header) {
        return CohortFormatException.inFile(file, "expected data rows after the header (line " + header.line
                + ") but found none");
    }

    static void checkWidth(String file, DelimitedText.Row row, String[] header) throws CohortFormatException {
        int size = row.size();
        if (size != header.length) {
            int column = Math.min(size, header.length) + 1;
            throw CohortFormatException.at(file, row.lineOf(column - 1), column,
                    DelimitedText.nameOf(header, column - 1), "expected " + header.length
                            + " cells as in the header but found " + size);
        }
    }

    /** Parses one value cell: a finite decimal number, non-negative if the unit is an abundance. */
    private double value(String file, DelimitedText.Row row, int c, String columnName) throws CohortFormatException {
        return value(file, row, c, columnName, unit);
    }

    /**
     * Parses one value cell by {@link DelimitedText#parseNumber}'s rule; non-negative if {@code unit}
     * is an abundance, where {@code -0} reads as {@code 0.0}.
     */
    double value(String file, DelimitedText.Row row, int c, String columnName, AbundanceUnit unit)
            throws CohortFormatException {
        String cell = row.cells[c];
        double v;
        try {
            v = DelimitedText.parseNumber(cell);
        } catch (NumberFormatException e) {
            String t = cell.strip().toLowerCase(Locale.ROOT);
            boolean missing = t.isEmpty() || t.equals("na") || t.equals("n/a") || t.equals("null");
            throw CohortFormatException.at(file, row.lineOf(c), c + 1, columnName, e.getMessage()
                    + (missing ? " (missing values are not allowed in a feature table)" : ""));
        }
        if (unit.isAbundance()) {
            if (v < 0) {
                throw CohortFormatException.at(file, row.lineOf(c), c + 1, columnName, "expected a non-negative "
                        + "abundance (unit " + unit + ") but found " + DelimitedText.quote(cell));
            }
            return v + 0.0; // -0.0 + 0.0 is 0.0
        }
        return v;
    }

    @Override
    public String toString() {
        return "FeatureTableReader[" + factoryName(layout) + ", unit " + unit + ", delimiter "
                + (delimiter == AUTO ? "by extension" : delimiter == '\t' ? "tab" : "'" + delimiter + "'")
                + (threads > 1 ? ", " + threads + " threads" : "") + "]";
    }
}
