package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link PermutationTest#permutedLabels} and {@link PermutationTest#of}: the labels {@code run} gives its
 * statistic, and a result assembled from statistics computed elsewhere equal to {@code run}'s.
 */
class PermutedLabelsTest {

    private static final int[] LABELS = {1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0};

    @Test
    void areTheArraysRunPassesToItsStatistic() {
        List<int[]> seen = new ArrayList<>();
        PermutationTest.run(y -> {
            seen.add(y);
            return y[0] + 2.0 * y[1];
        }, LABELS, 57, 9L);
        int[][] drawn = PermutationTest.permutedLabels(LABELS, 57, 9L);
        assertEquals(58, seen.size());
        assertArrayEquals(LABELS, seen.get(0)); // the observed call comes first
        for (int k = 0; k < 57; k++) {
            assertArrayEquals(seen.get(k + 1), drawn[k], "permutation " + k);
        }
    }

    @Test
    void areConsecutiveFisherYatesShufflesOfOneCopyFromOneSeededStream() {
        // the drawing rule run has always had, written out: results of earlier versions are unchanged
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        int[] shuffled = LABELS.clone();
        int[][] drawn = PermutationTest.permutedLabels(LABELS, 30, 4L);
        for (int k = 0; k < 30; k++) {
            PermutationSampler.shuffle(rng, shuffled);
            assertArrayEquals(shuffled, drawn[k], "permutation " + k);
        }
    }

    @Test
    void assembledFromTheSameStatisticsEqualsRun() {
        double[] scores = new double[LABELS.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (i * 37 % 23) + 0.5 * LABELS[i];
        }
        PermutationTest run = PermutationTest.run(y -> Auroc.of(scores, y).value(), LABELS, 199, 21L);
        int[][] drawn = PermutationTest.permutedLabels(LABELS, 199, 21L);
        double[] permuted = new double[drawn.length];
        for (int k = 0; k < drawn.length; k++) {
            permuted[k] = Auroc.of(scores, drawn[k]).value();
        }
        PermutationTest of = PermutationTest.of(Auroc.of(scores, LABELS).value(), permuted);
        assertEquals(Double.doubleToLongBits(run.observed()), Double.doubleToLongBits(of.observed()));
        assertArrayEquals(run.permuted(), of.permuted(), 0.0);
        assertEquals(run.atLeastObserved(), of.atLeastObserved());
        assertEquals(Double.doubleToLongBits(run.pValue()), Double.doubleToLongBits(of.pValue()));
    }

    @Test
    void ofCountsNoNaNAsAtLeastObservedAndCopies() {
        double[] permuted = {0.7, Double.NaN, 0.5, 0.9};
        PermutationTest t = PermutationTest.of(0.7, permuted);
        permuted[0] = 0.0;
        assertEquals(2, t.atLeastObserved());
        assertEquals(3 / 5.0, t.pValue(), 0.0);
        assertEquals(0.7, t.permuted()[0], 0.0);
    }

    @Test
    void refusesWhatRunRefuses() {
        assertEquals("the statistic on the observed labels is NaN",
                assertThrows(IllegalArgumentException.class, () -> PermutationTest.of(Double.NaN, new double[] {1}))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PermutationTest.of(0.5, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> PermutationTest.permutedLabels(LABELS, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> PermutationTest.permutedLabels(new int[] {0, 2}, 3, 1L));
    }
}
