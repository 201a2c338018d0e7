package org.gutsignal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.io.BiomReader;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.ReadReport;
import picocli.CommandLine.Option;

/** The options every command that reads a feature table shares: layout, unit, sample-id suffixes. */
final class TableInput {

    @Option(names = "--format", defaultValue = "auto", paramLabel = "LAYOUT",
            description = "Table layout: auto (by content), humann, metaphlan, biom or samples (one row per sample)"
                    + " (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--unit", paramLabel = "UNIT", description = "Unit of the values, one of ${COMPLETION-CANDIDATES};"
            + " required for samples-as-rows tables and BIOM files of non-integer values, else read from the file.")
    AbundanceUnit unit;

    @Option(names = "--keep-suffixes", description = "Keep the _Abundance-RPKs, _profile … suffixes of sample ids.")
    boolean keepSuffixes;

    /** The layout {@code file} is read as: {@code --format}, or by content for {@code auto}. */
    String layout(Path file) throws IOException {
        String layout = format.toLowerCase(Locale.ROOT);
        return layout.equals("auto") ? FeatureTableReader.detectLayout(file) : layout;
    }

    /** Reads one table as the options say. */
    ReadReport read(Path file) throws IOException {
        String layout = layout(file);
        return switch (layout) {
            case "biom" -> {
                BiomReader b = BiomReader.withDefaults();
                var t = (unit == null ? b : b.withUnit(unit)).read(file);
                yield new ReadReport(t, file.toString(), "BIOM table", t.unit(), unit == null ? "file" : "stated",
                        java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), List.of());
            }
            case "humann", "metaphlan", "samples" -> reader(layout).readWithReport(file);
            default -> throw new IllegalArgumentException("--format must be auto, humann, metaphlan, biom or samples"
                    + " but is '" + format + "'");
        };
    }

    /** Reads several files of one layout and merges their samples (absent features 0, reported). */
    ReadReport readAll(List<Path> files) throws IOException {
        return readAll(files, 1, (done, total) -> { });
    }

    /** As {@link #readAll(List)}, {@code threads} files at a time, reporting each file read. */
    ReadReport readAll(List<Path> files, int threads, java.util.function.BiConsumer<Integer, Integer> progress)
            throws IOException {
        if (files.size() == 1) {
            return read(files.get(0));
        }
        String layout = layout(files.get(0));
        if (layout.equals("biom")) {
            throw new IllegalArgumentException("merge BIOM files with biom merge first, or give one BIOM file");
        }
        return reader(layout).withThreads(threads).readAll(files, progress);
    }

    /** The reader the options give for {@code layout} (humann, metaphlan or samples). */
    FeatureTableReader reader(String layout) {
        FeatureTableReader r = switch (layout) {
            case "humann" -> FeatureTableReader.humann();
            case "metaphlan" -> FeatureTableReader.metaphlan();
            default -> {
                if (unit == null) {
                    throw new IllegalArgumentException("a table with one row per sample needs --unit (what the"
                            + " numbers are: " + java.util.Arrays.toString(AbundanceUnit.values()) + ")");
                }
                yield FeatureTableReader.samplesAsRows();
            }
        };
        if (unit != null) {
            r = r.withUnit(unit);
        }
        if (keepSuffixes && !layout.equals("samples")) {
            r = r.withSampleIdSuffixes(false);
        }
        return r;
    }
}
