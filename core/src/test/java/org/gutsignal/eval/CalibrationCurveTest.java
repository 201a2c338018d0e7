package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gutsignal.eval.CalibrationCurve.Bin;
import org.gutsignal.eval.CalibrationCurve.Binning;
import org.junit.jupiter.api.Test;

class CalibrationCurveTest {

    @Test
    void aPredictionOnAnInnerEdgeFallsInTheLowerBin() {
        // uniform edges 0, 0.5, 1: {0, 0.5, 0.5} with labels {0, 1, 0} and {0.6, 1} with labels {1, 1}
        List<Bin> bins = CalibrationCurve.of(new double[] {0.0, 0.5, 0.5, 0.6, 1.0}, new int[] {0, 1, 0, 1, 1}, 2,
                Binning.UNIFORM).bins();
        assertEquals(2, bins.size());
        assertEquals(1 / 3.0, bins.get(0).meanPredicted(), 1e-15);
        assertEquals(1 / 3.0, bins.get(0).fractionPositive(), 1e-15);
        assertEquals(3, bins.get(0).count());
        assertEquals(new Bin(0.8, 1.0, 2), bins.get(1));
    }

    @Test
    void emptyBinsAreOmitted() {
        // edges 0, .25, .5, .75, 1: bins 2 and 3 hold nothing
        List<Bin> bins = CalibrationCurve.of(new double[] {0.1, 0.2, 0.9}, new int[] {0, 1, 1}, 4, Binning.UNIFORM)
                .bins();
        assertEquals(List.of(new Bin(0.15000000000000002, 0.5, 2), new Bin(0.9, 1.0, 1)), bins);
    }

    @Test
    void quantileBinsSplitAtTheInterpolatedQuantile() {
        // 2 bins: the median edge of {0.1, 0.2, 0.3, 0.4} is 0.25 (halfway between 0.2 and 0.3)
        List<Bin> bins = CalibrationCurve.of(new double[] {0.4, 0.1, 0.3, 0.2}, new int[] {1, 0, 0, 1}, 2,
                Binning.QUANTILE).bins();
        assertEquals(2, bins.size());
        assertEquals(0.15, bins.get(0).meanPredicted(), 1e-15);
        assertEquals(0.5, bins.get(0).fractionPositive(), 0.0);
        assertEquals(0.35, bins.get(1).meanPredicted(), 1e-15);
        assertEquals(2, bins.get(1).count());
    }

    @Test
    void tiedPredictionsCollapseQuantileBinsIntoOne() {
        // every quantile edge is 0.3 and no prediction lies above an inner edge
        List<Bin> bins = CalibrationCurve.of(new double[] {0.3, 0.3, 0.3, 0.3}, new int[] {1, 0, 0, 0}, 4,
                Binning.QUANTILE).bins();
        assertEquals(List.of(new Bin(0.3, 0.25, 4)), bins);
    }

    @Test
    void oneBinHoldsEverything() {
        for (Binning binning : Binning.values()) {
            assertEquals(List.of(new Bin(0.5, 0.5, 2)), CalibrationCurve.of(new double[] {0.0, 1.0},
                    new int[] {0, 1}, 1, binning).bins(), binning.name());
        }
    }

    @Test
    void rejectsBadSettingsAndInput() {
        assertEquals("binCount must be at least 1 but is 0", assertThrows(IllegalArgumentException.class,
                () -> CalibrationCurve.of(new double[] {0.5}, new int[] {1}, 0, Binning.UNIFORM)).getMessage());
        assertEquals("binning", assertThrows(NullPointerException.class,
                () -> CalibrationCurve.of(new double[] {0.5}, new int[] {1}, 2, null)).getMessage());
        assertEquals("labels is empty", assertThrows(IllegalArgumentException.class,
                () -> CalibrationCurve.of(new double[0], new int[0], 2, Binning.QUANTILE)).getMessage());
        assertEquals("probabilities[0] is outside [0, 1]: -0.1", assertThrows(IllegalArgumentException.class,
                () -> CalibrationCurve.of(new double[] {-0.1}, new int[] {1}, 2, Binning.UNIFORM)).getMessage());
        assertEquals("probabilities has 2 values but labels has 1", assertThrows(IllegalArgumentException.class,
                () -> CalibrationCurve.of(new double[] {0.1, 0.2}, new int[] {1}, 2, Binning.UNIFORM))
                .getMessage());
    }
}
