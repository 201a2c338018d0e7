package org.gutsignal.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.CohortFormatException;

/**
 * BIOM 2.x, the HDF5 format, read with jHDF (pure Java) from bytes in memory. The root attributes
 * {@code format-version} (major 2) and {@code shape} ([observations, samples]), the string data sets
 * {@code observation/ids} and {@code sample/ids}, and one compressed sparse matrix: preferably
 * {@code observation/matrix} (CSR: {@code indptr} has one more entry than there are observations,
 * {@code indices} are sample indices), else {@code sample/matrix} (CSC). Messages name the data set
 * at fault; HDF5 has no lines. Stateless and thread-safe.
 */
final class BiomHdf5 {

    private final String file;
    private final HdfFile hdf;

    private BiomHdf5(String file, HdfFile hdf) {
        this.file = file;
        this.hdf = hdf;
    }

    /** Reads an HDF5 file where it is, through jHDF's file channel, without reading it whole. */
    static BiomReader.Contents read(String file, java.nio.file.Path path, AbundanceUnit unit, boolean taxonomy)
            throws CohortFormatException {
        try (HdfFile hdf = new HdfFile(path)) {
            return new BiomHdf5(file, hdf).read(unit, taxonomy);
        } catch (HdfException | BufferUnderflowException | IndexOutOfBoundsException e) {
            // jHDF's errors, and what a damaged file makes it run into
            throw CohortFormatException.inFile(file, "this HDF5 file could not be read (truncated or damaged?): "
                    + e.getMessage());
        }
    }

    private BiomReader.Contents read(AbundanceUnit unit, boolean taxonomy) throws CohortFormatException {
        long[] version = integers(attribute("format-version"), "the attribute 'format-version'");
        if (version.length < 1 || version[0] != 2) {
            throw CohortFormatException.inFile(file, "expected BIOM format-version 2.x but found "
                    + Arrays.toString(version));
        }
        long[] shape = integers(attribute("shape"), "the attribute 'shape'");
        if (shape.length != 2) {
            throw CohortFormatException.inFile(file, "expected the attribute 'shape' to be [observations, samples] "
                    + "but found " + Arrays.toString(shape));
        }
        List<String> observations = strings("observation/ids", shape[0], "observations");
        List<String> samples = strings("sample/ids", shape[1], "samples");
        boolean byObservation = exists("observation/matrix/data") || !exists("sample/matrix/data");
        String m = byObservation ? "observation/matrix/" : "sample/matrix/";
        int major = byObservation ? observations.size() : samples.size();
        int minor = byObservation ? samples.size() : observations.size();
        Dataset dataSet = dataset(m + "data");
        Object raw = dataSet.getData();
        boolean integerType = raw instanceof long[] || raw instanceof int[] || raw instanceof short[]
                || raw instanceof byte[];
        double[] data = numbers(raw, m + "data");
        long[] indices = integers(dataset(m + "indices").getData(), "the data set '" + m + "indices'");
        long[] indptr = integers(dataset(m + "indptr").getData(), "the data set '" + m + "indptr'");
        if (indptr.length != major + 1) {
            throw CohortFormatException.inFile(file, "expected " + (major + 1) + " entries in '" + m + "indptr' (one "
                    + "more than the " + major + (byObservation ? " observations" : " samples") + ") but found "
                    + indptr.length);
        }
        if (indices.length != data.length || indptr[0] != 0 || indptr[major] != data.length) {
            throw CohortFormatException.inFile(file, "expected '" + m + "indices' to have as many entries as '" + m
                    + "data' (" + data.length + ") and '" + m + "indptr' to run from 0 to that number but found "
                    + indices.length + " indices and indptr from " + indptr[0] + " to " + indptr[major]);
        }
        int n = observations.size();
        double[] values = new double[Math.multiplyExact(n, samples.size())];
        BitSet seen = new BitSet(values.length);
        for (int a = 0; a < major; a++) {
            if (indptr[a + 1] < indptr[a]) {
                throw CohortFormatException.inFile(file, "expected '" + m + "indptr' to be non-decreasing but entry "
                        + (a + 1) + " is " + indptr[a + 1] + " after " + indptr[a]);
            }
            for (int k = (int) indptr[a]; k < indptr[a + 1]; k++) {
                long b = indices[k];
                if (b < 0 || b >= minor) {
                    throw CohortFormatException.inFile(file, "expected entries of '" + m + "indices' from 0 to "
                            + (minor - 1) + " but entry " + k + " is " + b);
                }
                int obs = byObservation ? a : (int) b;
                int sample = byObservation ? (int) b : a;
                String problem = !Double.isFinite(data[k]) ? "expected a finite number but found " + data[k]
                        : BiomReader.negative(data[k], unit);
                if (seen.get(sample * n + obs)) {
                    problem = "expected one entry per cell but found two";
                }
                if (problem != null) {
                    throw CohortFormatException.inFile(file, "in '" + m + "data' (entry " + k + ") for observation '"
                            + observations.get(obs) + "' and sample '" + samples.get(sample) + "': " + problem);
                }
                seen.set(sample * n + obs);
                values[sample * n + obs] = data[k];
            }
        }
        return new BiomReader.Contents(observations, samples, taxonomy ? taxonomy(observations) : null, values,
                integerType, "of the HDF5 type " + dataSet.getJavaType().getSimpleName() + " (in '" + m + "data')");
    }

    private Object attribute(String name) throws CohortFormatException {
        Attribute a = hdf.getAttribute(name);
        if (a == null) {
            throw CohortFormatException.inFile(file, "expected the root attribute '" + name + "' of a BIOM 2.x file "
                    + "but the file has none (is this HDF5 file a BIOM table?)");
        }
        return a.getData();
    }

    private boolean exists(String path) {
        return node(path) != null;
    }

    /**
     * The node at {@code path}, or {@code null}: walked through the groups' children, because jHDF's
     * {@code getByPath} cannot report a missing path in a file read from memory (building its
     * exception asks for the file).
     */
    private Node node(String path) {
        Node node = hdf;
        for (String name : path.split("/")) {
            if (!(node instanceof Group group)) {
                return null;
            }
            node = group.getChildren().get(name);
        }
        return node;
    }

    private Dataset dataset(String path) throws CohortFormatException {
        Node node = node(path);
        if (!(node instanceof Dataset)) {
            throw CohortFormatException.inFile(file, "expected the data set '" + path + "' but the file has "
                    + (node == null ? "none" : "a group there"));
        }
        return (Dataset) node;
    }

    private List<String> strings(String path, long expected, String what) throws CohortFormatException {
        Object data = dataset(path).getData();
        if (!(data instanceof String[] ids)) {
            throw CohortFormatException.inFile(file, "expected '" + path + "' to hold strings but found "
                    + data.getClass().getSimpleName());
        }
        if (ids.length != expected) {
            throw CohortFormatException.inFile(file, "the attribute 'shape' says " + expected + " " + what
                    + " but '" + path + "' has " + ids.length + " ids");
        }
        return List.of(ids);
    }

    private List<String> taxonomy(List<String> observations) throws CohortFormatException {
        String path = "observation/metadata/taxonomy";
        if (!exists(path)) {
            throw CohortFormatException.inFile(file, "expected the data set '" + path + "' to name features by "
                    + "taxonomy but the file has none: name features by id with withTaxonomyNames(false)");
        }
        Object data = dataset(path).getData();
        List<String> names = new ArrayList<>(observations.size());
        if (data instanceof String[][] ranks && ranks.length == observations.size()) {
            for (String[] r : ranks) {
                names.add(BiomReader.joinTaxonomy(Arrays.asList(r)));
            }
        } else if (data instanceof String[] flat && flat.length == observations.size()) {
            for (String t : flat) {
                names.add(BiomReader.joinTaxonomy(List.of(t)));
            }
        } else {
            throw CohortFormatException.inFile(file, "expected '" + path + "' to hold strings, one row per "
                    + "observation (" + observations.size() + ")");
        }
        return names;
    }

    private double[] numbers(Object data, String path) throws CohortFormatException {
        if (data instanceof double[] d) {
            return d;
        }
        if (data instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        long[] l = integers(data, "the data set '" + path + "'");
        return Arrays.stream(l).asDoubleStream().toArray();
    }

    private long[] integers(Object data, String what) throws CohortFormatException {
        if (data instanceof long[] l) {
            return l;
        }
        if (data instanceof int[] || data instanceof short[] || data instanceof byte[]) {
            long[] l = new long[Array.getLength(data)];
            for (int k = 0; k < l.length; k++) {
                l[k] = ((Number) Array.get(data, k)).longValue();
            }
            return l;
        }
        if (data instanceof Number scalar && !(data instanceof Double || data instanceof Float)) {
            return new long[] {scalar.longValue()};
        }
        throw CohortFormatException.inFile(file, "expected " + what + " to hold integers but found "
                + (data == null ? "nothing" : data.getClass().getSimpleName()));
    }
}
