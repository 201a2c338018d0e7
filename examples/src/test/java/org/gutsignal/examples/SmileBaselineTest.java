package org.gutsignal.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.model.Predictor;
import org.gutsignal.cohort.Splitters;
import org.junit.jupiter.api.Test;

/** The Smile random forest as an outside Learner: seeded runs are bit-identical. */
class SmileBaselineTest {

    @Test
    void seededForestIsDeterministicAndBeatsChance() throws Exception {
        SyntheticData data = SyntheticData.load();
        CrossValidation cv = CrossValidation.of(Splitters.stratifiedKFold(3, 5));
        CvResult<Predictor> one = cv.run(SmileBaseline.randomForest(40, 7), data.species());
        CvResult<Predictor> two = cv.withThreads(2).run(SmileBaseline.randomForest(40, 7), data.species());
        assertArrayEquals(one.meanOutOfFold(), two.meanOutOfFold(), 0.0);
        assertTrue(one.auroc().value() > 0.5, "forest AUROC " + one.auroc().value());
    }
}
