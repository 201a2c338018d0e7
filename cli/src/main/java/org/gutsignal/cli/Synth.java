package org.gutsignal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gutsignal.synth.SyntheticCohort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gutsignal synth}: a seeded synthetic cohort, byte-identical for one seed. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes a seeded synthetic cohort with known truth: species.tsv (MetaPhlAn layout), ko.tsv "
            + "(HUMAnN layout, CPM), metadata.tsv, capacities.tsv, traits.tsv and truth.tsv.",
            "The same seed writes byte-identical files."})
final class Synth implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(names = "--seed", defaultValue = "20250101", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--patients", description = "Training patients over the five sites (default: 800).")
    Integer patients;

    @Option(names = "--validation", description = "Patients of the validation site (default: 147).")
    Integer validation;

    @Override
    public Integer call() throws Exception {
        SyntheticCohort s = SyntheticCohort.withDefaults().withSeed(seed);
        if (patients != null) {
            s = s.withPatients(patients);
        }
        if (validation != null) {
            s = s.withValidationSize(validation);
        }
        SyntheticCohort.Result r = s.generate();
        r.writeTo(out);
        if (!main.quiet) {
            System.err.printf("wrote %s: %d patients, %d species, %d KOs (seed %d)%n", out,
                    r.metadata().sampleIds().size(), r.species().featureCount(), r.ko().featureCount(), seed);
        }
        return 0;
    }
}
