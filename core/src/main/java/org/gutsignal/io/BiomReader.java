package org.gutsignal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;

/**
 * Reads a {@link FeatureTable} from a BIOM file (<a href="http://biom-format.org">biom-format.org</a>),
 * the table format of QIIME, Qiita and many 16S pipelines: BIOM 1.0 (JSON, dense or sparse
 * matrix) and BIOM 2.x (HDF5, the compressed sparse matrix of {@code biom convert --to-hdf5}).
 *
 * <pre>{@code
 * FeatureTable otus = BiomReader.withDefaults().read(Path.of("otu_table.biom"));   // integer counts
 * FeatureTable relab = BiomReader.withDefaults().withUnit(AbundanceUnit.FRACTION)
 *         .withTaxonomyNames(true).read(Path.of("taxa_relab.biom"));
 * }</pre>
 *
 * <h2>What becomes what</h2>
 * BIOM's observations (its rows: OTUs, taxa, genes) become the features and its samples (its
 * columns) the samples, in file order. A feature is named by its observation id, or with
 * {@link #withTaxonomyNames(boolean) withTaxonomyNames(true)} by the {@code taxonomy} of its
 * observation metadata joined with {@code |} ({@code k__Bacteria|p__Firmicutes|…|s__}; a taxonomy
 * written as one {@code ;}-separated string is split there and trimmed). Other metadata is not
 * read. The format is told by the content, not the name: an HDF5 signature, or JSON starting with
 * <code>&#123;</code>; a gzip- or bzip2-compressed file is decompressed first (as by {@link DelimitedText}).
 * For BIOM 2.x the observation-major matrix ({@code observation/matrix/{data,indices,indptr}},
 * CSR) is read, or the sample-major one ({@code sample/matrix}, CSC) if that is the only one;
 * ids come from {@code observation/ids} and {@code sample/ids}.
 *
 * <h2>Unit</h2>
 * BIOM does not say what its numbers are. With {@link #withUnit(AbundanceUnit)} they are what
 * you say. Without it, a table is read as {@link AbundanceUnit#COUNTS} only if it declares an
 * integer type (BIOM 1.0 {@code "matrix_element_type": "int"}, or a BIOM 2.x {@code data} set of
 * an HDF5 integer type) and every value is a non-negative whole number; any other table is an
 * error that asks for a unit. (BIOM 2.x writers such as the {@code biom} tool store even counts
 * as 64-bit floats, so those files need {@code withUnit(AbundanceUnit.COUNTS)}.)
 *
 * <h2>Errors</h2>
 * Every value must be a finite number, non-negative unless the unit is
 * {@link AbundanceUnit#TRANSFORMED}; observation and sample ids (and taxonomy names) must be
 * non-empty and unique; the ids must match the declared {@code shape}. Nothing is coerced: each
 * problem is a {@link CohortFormatException} naming the file and what was expected, for JSON also
 * the 1-based line and character column, for HDF5 the data set (HDF5 has no lines), e.g.
 * {@code otus.biom, line 14, column 17: expected a finite number but found NaN} or
 * {@code otus.biom: expected the data set 'observation/matrix/indptr' but the file has none}.
 *
 * <p>The whole file is read into memory. Instances are immutable and thread-safe; {@code with…}
 * methods return changed copies.
 */
public final class BiomReader {

    private final AbundanceUnit unit; // null: inferred as the class comment says
    private final boolean taxonomyNames;

    private BiomReader(AbundanceUnit unit, boolean taxonomyNames) {
        this.unit = unit;
        this.taxonomyNames = taxonomyNames;
    }

    /**
     * A reader that names features by observation id and reads integer tables as counts (no other
     * unit is inferred).
     */
    public static BiomReader withDefaults() {
        return new BiomReader(null, false);
    }

    /** A copy whose tables get this unit (which also decides whether negative values are errors). */
    public BiomReader withUnit(AbundanceUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return new BiomReader(unit, taxonomyNames);
    }

    /**
     * A copy that names features by their observation's taxonomy joined with {@code |}
     * ({@code true}) or by the observation id ({@code false}, the default). With {@code true},
     * every observation needs a {@code taxonomy} and no two may share one (collapse such a table
     * first, e.g. with {@code biom collapse}).
     */
    public BiomReader withTaxonomyNames(boolean taxonomyNames) {
        return new BiomReader(unit, taxonomyNames);
    }

    /**
     * Reads a table.
     *
     * @param file a BIOM 1.0 (JSON) or 2.x (HDF5) file, perhaps gzip- or bzip2-compressed
     * @return the table: samples and features in file order
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException                       if the file cannot be read (the message names it)
     * @throws CohortFormatException             if it is not a BIOM table as the class comment says, or
     *                                           its unit cannot be inferred (the message names the file)
     */
    public FeatureTable read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        byte[] head;
        String compression;
        try (FileBytes.Source source = FileBytes.openHead(file, name)) {
            head = source.bytes().readNBytes(FileBytes.HEAD);
            compression = source.compression();
        }
        Contents c;
        if (FileBytes.isHdf5(head)) {
            c = compression == null ? BiomHdf5.read(name, file, unit, taxonomyNames) : readCompressedHdf5(file, name);
        } else if (startsLikeJson(head)) {
            c = BiomJson.read(name, () -> FileBytes.openHead(file, name).bytes(), unit, taxonomyNames);
        } else {
            throw CohortFormatException.inFile(name, "expected a BIOM file (JSON starting with '{', or HDF5) but "
                    + "found neither" + (FileBytes.compression(head) == null && looksDelimited(head)
                            ? " (a delimited text table? read it with FeatureTableReader)" : ""));
        }
        List<String> features = taxonomyNames ? c.taxonomy() : c.observationIds();
        requireUnique(name, features, taxonomyNames ? "a taxonomy" : "an observation id",
                taxonomyNames ? c.observationIds() : null);
        requireUnique(name, c.sampleIds(), "a sample id", null);
        AbundanceUnit u = unit != null ? unit : inferredUnit(name, c);
        return FeatureTable.ofRowMajor(c.sampleIds(), features, c.values(), u);
    }

    /** A gzip- or bzip2-compressed HDF5 file: decompressed into a temporary file, which jHDF reads in place. */
    private Contents readCompressedHdf5(Path file, String name) throws IOException {
        Path tmp = Files.createTempFile("gutsignal-", ".h5");
        try {
            try (FileBytes.Source source = FileBytes.openHead(file, name);
                    java.io.OutputStream out = Files.newOutputStream(tmp)) {
                source.bytes().transferTo(out);
            }
            return BiomHdf5.read(name, tmp, unit, taxonomyNames);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static AbundanceUnit inferredUnit(String name, Contents c) throws CohortFormatException {
        if (!c.integerType()) {
            throw CohortFormatException.inFile(name, "expected an integer table to read as COUNTS but the values are "
                    + c.declaredType() + ": say what the numbers are with withUnit(AbundanceUnit)");
        }
        return AbundanceUnit.COUNTS;
    }

    /**
     * Non-empty, unique names; {@code what} names one in messages ("a sample id"), and
     * {@code observationIds}, if given, say which observations a taxonomy came from.
     */
    private static void requireUnique(String file, List<String> names, String what, List<String> observationIds)
            throws CohortFormatException {
        Map<String, Integer> seen = new HashMap<>(2 * names.size());
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            Integer first = n.isEmpty() ? null : seen.put(n, i);
            if (n.isEmpty() || first != null) {
                String where = observationIds != null
                        ? (first == null ? "observation '" : "observations '" + observationIds.get(first) + "' and '")
                                + observationIds.get(i) + "'"
                        : (first == null ? "number " : "numbers " + (first + 1) + " and ") + (i + 1);
                throw CohortFormatException.inFile(file, n.isEmpty()
                        ? "expected " + what + " but found an empty one (" + where + ")"
                        : "duplicate " + what.substring(what.indexOf(' ') + 1) + " '" + n + "' (" + where + ")"
                                + (observationIds != null ? ": name features by id with withTaxonomyNames(false), "
                                        + "or collapse the table by taxonomy first" : ""));
            }
        }
    }

    private static boolean startsLikeJson(byte[] b) {
        int i = b.length >= 3 && b[0] == (byte) 0xef && b[1] == (byte) 0xbb && b[2] == (byte) 0xbf ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i < b.length && b[i] == '{';
    }

    private static boolean looksDelimited(byte[] b) {
        for (int i = 0; i < Math.min(b.length, 4096) && b[i] != '\n'; i++) {
            if (b[i] == '\t' || b[i] == ',') {
                return true;
            }
        }
        return false;
    }

    /** The message part for a value that breaks the unit's sign rule, or {@code null} if the value is allowed. */
    static String negative(double v, AbundanceUnit unit) {
        if (v >= 0 || unit == AbundanceUnit.TRANSFORMED) {
            return null;
        }
        return "expected a non-negative abundance (unit " + (unit == null ? "COUNTS, inferred" : unit) + ") but found "
                + DelimitedText.format(v);
    }

    /**
     * What a BIOM file holds, before the unit is decided.
     *
     * @param taxonomy     per observation, joined with {@code |}; {@code null} unless asked for
     * @param values       sample-major: {@code values[sample * observations + observation]}
     * @param declaredType the value type for messages: "of matrix_element_type 'float'"
     */
    record Contents(List<String> observationIds, List<String> sampleIds, List<String> taxonomy, double[] values,
            boolean integerType, String declaredType) {
    }

    /**
     * Joins a taxonomy's ranks with {@code |}, splitting a single {@code ;}-separated string; blank
     * ranks at the end are dropped.
     */
    static String joinTaxonomy(List<String> ranks) {
        List<String> parts = ranks.size() == 1 ? List.of(ranks.get(0).split(";")) : ranks;
        StringBuilder sb = new StringBuilder();
        int end = parts.size();
        while (end > 0 && parts.get(end - 1).isBlank()) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            sb.append(i > 0 ? "|" : "").append(parts.get(i).strip());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "BiomReader[unit " + (unit == null ? "COUNTS if integer" : unit) + ", features named by "
                + (taxonomyNames ? "taxonomy" : "observation id") + "]";
    }
}
