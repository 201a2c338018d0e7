package org.gutsignal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.io.ReadReport;
import org.gutsignal.stats.AssociationTable;
import org.gutsignal.stats.Associations;
import org.gutsignal.stats.FeatureAssociation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gutsignal assoc}: per-feature Wilcoxon rank-sum tests between responders and
 * non-responders with Benjamini-Hochberg q-values and effect sizes ({@link Associations}).
 */
@Command(name = "assoc", mixinStandardHelpOptions = true,
        description = {"Tests every feature between responders and non-responders: two-sided Wilcoxon rank-sum p,"
            + " Benjamini-Hochberg q within each group, AUROC, SIAMCAT's generalised fold change, median difference"
            + " and prevalences. Samples of unknown response are left out.",
            "Output: one row per feature for all samples (group 'all'), with --per-group also per group."})
final class Assoc implements Callable<Integer> {

    /** The output's columns, in order. */
    static final List<String> COLUMNS = List.of("group", "feature", "n_responders", "n_non_responders", "p", "q",
            "exact", "auroc", "gfc", "median_difference", "prevalence_responders", "prevalence_non_responders",
            "direction");

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The feature table.")
    Path table;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The association table.")
    Path out;

    @Option(names = "--per-group", description = "Also test within each group (--group-column, or the group column"
            + " of gutsignal's metadata format).")
    boolean perGroup;

    @Option(names = "--pseudo-count", defaultValue = "1e-6", paramLabel = "X",
            description = "Added before log10 in the generalised fold change, in the table's unit"
                    + " (default: ${DEFAULT-VALUE}, SIAMCAT's, for fractions).")
    double pseudoCount;

    @Option(names = "--prevalence-threshold", defaultValue = "0", paramLabel = "X",
            description = "A sample carries a feature when its value is above X (default: ${DEFAULT-VALUE}).")
    double prevalenceThreshold;

    @Mixin
    TableInput input;

    @Mixin
    MetadataInput metadata;

    @Override
    public Integer call() throws Exception {
        OutputFiles.refuseInput(out, "-o", Arrays.asList(table, metadata.file));
        ReadReport r = input.read(table);
        Cohort all = metadata.join(r.table(), table.toString(), null);
        Cohort c = all.labelled();
        if (perGroup && c.metadata().groups().stream().allMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--per-group needs the samples' groups: " + metadata.file
                    + " has none (give --group-column COLUMN)");
        }
        Associations a = Associations.withDefaults().withPseudoCount(pseudoCount)
                .withPrevalenceThreshold(prevalenceThreshold).byGroup(perGroup);
        AssociationTable t = a.test(c.features(), c.labels(), c.metadata().groups().toArray(String[]::new));
        List<List<Object>> rows = new ArrayList<>(t.rows().size());
        for (FeatureAssociation f : t.rows()) {
            rows.add(List.of(f.group(), f.feature(), f.responders(), f.nonResponders(), f.pValue(), f.qValue(),
                    f.exact(), f.auroc(), f.generalisedFoldChange(), f.medianDifference(), f.prevalenceResponders(),
                    f.prevalenceNonResponders(), f.direction().name().toLowerCase(Locale.ROOT)));
        }
        DelimitedText.write(out, COLUMNS, rows);
        if (!main.quiet) {
            java.io.PrintWriter err = spec.commandLine().getErr();
            if (!all.joinReport().toString().isEmpty()) {
                err.println("join: " + all.joinReport());
            }
            if (c.sampleCount() < all.sampleCount()) {
                err.println("left out " + (all.sampleCount() - c.sampleCount()) + " samples of unknown response");
            }
            if (!t.skippedGroups().isEmpty()) {
                err.println("not tested within groups lacking responders or non-responders: " + t.skippedGroups());
            }
            err.println("wrote " + out + " (" + rows.size() + " rows: " + c.features().featureCount() + " features, "
                    + c.sampleCount() + " samples)");
            err.flush();
        }
        return 0;
    }
}
