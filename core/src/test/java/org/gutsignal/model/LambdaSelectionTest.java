package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Split;
import org.gutsignal.cohort.Splitters;
import org.junit.jupiter.api.Test;

/**
 * λ selection on a path stub whose fits are known, so the held-out deviance curve can be
 * derived by hand (cv.glmnet's own curve on real fits is checked in GlmnetAgreementTest).
 */
class LambdaSelectionTest {

    /** Four samples, one feature x = (1, -1, 2, -2), labels (1, 0, 1, 0); folds {0, 1} and {2, 3}. */
    private static final TrainingData DATA = TrainingData.of(
            FeatureTable.of(List.of("s0", "s1", "s2", "s3"), List.of("x"), new double[][] {{1}, {-1}, {2}, {-2}},
                    AbundanceUnit.TRANSFORMED),
            new int[] {1, 0, 1, 0}, Map.of("s0", 1.0, "s1", 1.0, "s2", 3.0, "s3", 1.0), false, Set.of(), Map.of(),
            Map.of());
    private static final List<Split> FOLDS = Splitters.fromFoldIds(new int[] {0, 0, 1, 1})
            .split(new int[] {1, 0, 1, 0}, null);

    /** A "path" that ignores the data: at λ index m, intercept 0 and slope m. */
    private static final BiFunction<TrainingData, double[], PathSolver.Result> SLOPE_M = (d, grid) -> {
        int nl = grid.length;
        double[][] betas = new double[nl][];
        for (int m = 0; m < nl; m++) {
            betas[m] = new double[] {m};
        }
        return new PathSolver.Result(nl, grid, new double[nl], betas, new double[nl], new int[nl], new int[nl],
                new boolean[nl], 1, LogisticPath.StopReason.COMPLETE);
    };

    private static double dev(double eta, int y) {
        double p = Math.min(Math.max(1 / (1 + Math.exp(-eta)), 1e-5), 1 - 1e-5);
        return -2 * Math.log(y == 1 ? p : 1 - p);
    }

    @Test
    void theCurveIsTheHeldOutWeightedMeanDevianceAveragedOverFolds() {
        CvCurve cv = LambdaSelection.curve(DATA, new double[] {0.3, 0.2, 0.1}, FOLDS, 1, SLOPE_M, false);
        double[] mean = new double[3];
        double[] se = new double[3];
        for (int m = 0; m < 3; m++) {
            // fold 0 holds s0 (x=1, y=1, w=1) and s1 (x=-1, y=0, w=1); fold 1 holds s2 (w=3) and s3 (w=1)
            double f0 = (dev(m, 1) + dev(-m, 0)) / 2;
            double f1 = (3 * dev(2 * m, 1) + dev(-2 * m, 0)) / 4;
            mean[m] = (2 * f0 + 4 * f1) / 6;
            se[m] = Math.sqrt((2 * (f0 - mean[m]) * (f0 - mean[m]) + 4 * (f1 - mean[m]) * (f1 - mean[m])) / 6 / 1);
        }
        assertEquals(2 * Math.log(2), mean[0], 1e-15, "slope 0: p = 1/2 everywhere");
        assertArrayEquals(mean, cv.mean(), 1e-14);
        assertArrayEquals(se, cv.standardError(), 1e-14);
        assertEquals(2, cv.indexMin(), "the steepest slope separates best");
    }

    @Test
    void heldOutProbabilitiesAreClampedAsCvGlmnetDoes() {
        BiFunction<TrainingData, double[], PathSolver.Result> wrongWay = (d, grid) -> new PathSolver.Result(1, grid,
                new double[1], new double[][] {{-1000}}, new double[1], new int[1], new int[1], new boolean[1], 1,
                LogisticPath.StopReason.SATURATED);
        // a path that ended after its first λ is read at that λ for the rest of the grid
        CvCurve cv = LambdaSelection.curve(DATA, new double[] {0.3, 0.2}, FOLDS, 1, wrongWay, false);
        // responders get p = 1e-5, non-responders p = 1 - 1e-5: every sample at the clamp
        double f0 = (dev(-1000, 1) + dev(1000, 0)) / 2;
        double f1 = (3 * dev(-2000, 1) + dev(2000, 0)) / 4;
        double mean = (2 * f0 + 4 * f1) / 6;
        assertEquals(-2 * Math.log(1e-5), mean, 1e-9);
        assertArrayEquals(new double[] {mean, mean}, cv.mean(), 1e-12);
    }

    @Test
    void foldsOnThreadsGiveTheSameCurveBitForBit() {
        double[] grid = {0.3, 0.2, 0.1};
        CvCurve one = LambdaSelection.curve(DATA, grid, FOLDS, 1, SLOPE_M, false);
        CvCurve two = LambdaSelection.curve(DATA, grid, FOLDS, 2, SLOPE_M, false);
        assertEquals(Arrays.toString(one.mean()), Arrays.toString(two.mean()));
        assertEquals(Arrays.toString(one.standardError()), Arrays.toString(two.standardError()));
    }

    @org.junit.jupiter.api.Test
    void interpolationReadsAFoldsOwnPathAsGlmnetsLambdaInterpDoes() {
        // fold λ 1, 0.5, 0.25 span 0.75: on the fraction scale 0, 2/3, 1. Grid 2 and 1 take the first fit
        // (above the range: clamped), 0.75 is a third of the range = halfway between fits 0 and 1, 0.5 is
        // fit 1 itself, 0.1 (below the range) the last fit.
        LambdaSelection.Interpolation at = LambdaSelection.Interpolation.of(new double[] {1, 0.5, 0.25},
                new double[] {2, 1, 0.75, 0.5, 0.1});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 0, 0, 1, 2}, at.left);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 0, 1, 1, 2}, at.right);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 1, 0.5, 1, 1}, at.fraction, 1e-15);
        // a fold path of one λ: its only fit everywhere
        LambdaSelection.Interpolation one = LambdaSelection.Interpolation.of(new double[] {0.3},
                new double[] {0.5, 0.1});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 0}, one.left);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 1}, one.fraction, 0);
    }
}
