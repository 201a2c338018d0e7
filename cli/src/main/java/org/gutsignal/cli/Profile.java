package org.gutsignal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.FeatureTableWriter;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.MoleculeCoverage;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.profile.TraitTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gutsignal profile}: a KO, pathway or species table → molecule capacities with
 * {@link SignallingProfiler}, and how well the table covered each molecule.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Turns a KEGG KO, MetaCyc pathway or species table into signalling-molecule capacities"
            + " (one row per sample, one column per molecule, in the input's unit) and writes each molecule's"
            + " coverage next to them (-o x.tsv: x.coverage.tsv).",
            "--kind auto: genes for a HUMAnN table of K numbers, pathways for a HUMAnN table of MetaCyc pathways"
            + " (ids with PWY), species for a MetaPhlAn table; state it otherwise."})
final class Profile implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The KO, pathway or species table.")
    Path table;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The capacities table.")
    Path out;

    @Option(names = "--kind", defaultValue = "auto", paramLabel = "KIND",
            description = "What the table holds: auto, genes (KEGG KOs), pathways (MetaCyc) or species"
                    + " (default: ${DEFAULT-VALUE}). genes and pathways read a HUMAnN table as a stream that holds"
                    + " only the catalog's rows (any size of table, the same numbers); auto reads it whole.")
    String kind;

    @Option(names = "--traits", paramLabel = "FILE", description = "Trait table for species (taxon, one column per"
            + " molecule; default: the built-in genus-level HMBPP table).")
    Path traits;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Molecule catalog (default: the built-in one).")
    Path catalog;

    @Mixin
    TableInput input;

    @Override
    public Integer call() throws Exception {
        Path coverageFile = OutputFiles.sibling(out, "coverage");
        List<Path> inputs = Arrays.asList(table, traits, catalog);
        OutputFiles.refuseInput(out, "-o", inputs);
        OutputFiles.refuseInput(coverageFile, "the coverage file of -o", inputs);
        SignallingProfiler profiler = SignallingProfiler.of(catalog == null ? MoleculeCatalog.builtIn()
                : MoleculeCatalog.read(catalog));
        String k = kind.toLowerCase(Locale.ROOT);
        SignallingProfile p;
        if ((k.equals("genes") || k.equals("pathways")) && input.layout(table).equals("humann")) {
            // one streaming pass that holds only the catalog's rows: gene tables of millions of rows fit
            FeatureTableReader reader = input.reader("humann");
            p = k.equals("genes") ? profiler.profileGenes(reader, table) : profiler.profilePathways(reader, table);
        } else {
            FeatureTable t = input.read(table).table();
            if (k.equals("auto")) {
                k = autoKind(input.layout(table), t);
            }
            p = switch (k) {
                case "genes" -> profiler.profileGenes(t);
                case "pathways" -> profiler.profilePathways(t);
                case "species" -> profiler.withTraits(traits == null ? TraitTable.builtInHmbpp()
                        : TraitTable.read(traits)).profileSpecies(t);
                default -> throw new IllegalArgumentException("--kind must be auto, genes, pathways or species but is '"
                        + kind + "'");
            };
        }
        FeatureTableWriter.samplesAsRows().write(p.capacities(), out);
        List<List<Object>> rows = new ArrayList<>();
        for (MoleculeCoverage c : p.coverage()) {
            rows.add(List.of(c.moleculeId(), c.found(), c.total(), c.fraction(), String.join(";", c.missing())));
        }
        DelimitedText.write(coverageFile, List.of("molecule", "found", "total", "fraction", "missing"), rows);
        if (!main.quiet) {
            java.io.PrintWriter err = spec.commandLine().getErr();
            p.warnings().forEach(w -> err.println("warning: " + w));
            err.println("wrote " + out + " (" + p.capacities().sampleCount() + " samples × " + p.capacities().featureCount()
                    + " molecules from " + k + ", unit " + p.capacities().unit() + ": read it back with --unit "
                    + p.capacities().unit() + ") and " + coverageFile);
            err.flush();
        }
        return 0;
    }

    /** genes, pathways or species by the layout and the feature ids; refuses what is ambiguous. */
    static String autoKind(String layout, FeatureTable t) {
        if (layout.equals("metaphlan")) {
            return "species";
        }
        if (layout.equals("humann")) {
            List<String> names = t.featureNames();
            if (names.stream().anyMatch(n -> n.matches("K[0-9]{5}(:.*)?"))) {
                return "genes";
            }
            if (names.stream().anyMatch(n -> n.contains("PWY"))) {
                return "pathways";
            }
        }
        throw new IllegalArgumentException("cannot tell whether " + t.featureCount() + " features beginning "
                + t.featureNames().subList(0, Math.min(3, t.featureCount())) + " (a " + layout + " table) are genes,"
                + " pathways or species: give --kind genes|pathways|species");
    }
}
