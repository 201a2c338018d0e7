package org.gutsignal.cli;

import java.nio.file.Path;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;

/** A model of the synthetic KO table (CPM), trained through the library and saved, for score and explain. */
final class Models {

    /** The 40 KOs the model uses: the first 40 of ko.tsv. */
    static final int FEATURES = 40;

    private Models() {
    }

    static FeatureTable ko() throws Exception {
        return FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(MergeTest.KO);
    }

    private static Path file;
    private static ResponseModel model;

    /** The saved model's file, trained once per test run into a temporary folder. */
    static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = java.nio.file.Files.createTempDirectory("gutsignal-cli-model");
                file = dir.resolve("model.json");
                model = write(file);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
            } catch (Exception e) {
                throw new IllegalStateException("cannot train the test model", e);
            }
        }
        return file;
    }

    /** The model in {@link #file()}, as read back. */
    static synchronized ResponseModel model() {
        file();
        return model;
    }

    /** Trains on the first 40 KOs of the labelled synthetic cohort and writes the model to {@code file}. */
    private static ResponseModel write(Path file) throws Exception {
        FeatureTable ko = ko();
        FeatureTable x = ko.selectFeatures(ko.featureNames().subList(0, FEATURES));
        Cohort c = Cohort.join(x, MetadataReader.gutsignal().read(AssocTest.META), JoinPolicy.STRICT, "ko", "meta")
                .labelled();
        ResponseModel m = LogisticTrainer.withDefaults().withFolds(5).withSeed(7)
                .withPreprocessing(Preprocessing.of(Transform.log10(1), Transform.standardize())).fit(c);
        ModelFiles.write(m, file);
        return ModelFiles.read(file);
    }
}
