package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model at any index of the path, glmnet's {@code coef(fit, s = fit$lambda[k])}. */
class LogisticFitModelAtTest {

    @Test
    void everyIndexGivesThePathsFitWithTheChosenModelsSettings() throws IOException {
        Fixtures.Data d = new Fixtures.Data("mol.data.csv", List.of("fold"));
        LogisticFit fit = LogisticTrainer.withDefaults().withTolerance(1e-14).train(d.cohort);
        LogisticPath path = fit.path();
        assertSame(fit.model(), fit.modelAt(fit.lambdaIndex()));
        // the glmnet reference path at index 20 (make_reference.R): the fit the model at 20 carries
        Fixtures.Csv ref = Fixtures.csv("mol_a1_path.ref.csv");
        ResponseModel m = fit.modelAt(20);
        assertEquals(ref.doubles("lambda")[20], m.lambda(), 1e-15);
        assertEquals(ref.doubles("intercept")[20], m.intercept(), 1e-9);
        for (int j = 0; j < d.features.size(); j++) {
            assertEquals(ref.doubles(d.features.get(j))[20], m.coefficients()[j], 1e-9, d.features.get(j));
        }
        assertArrayEquals(path.coefficients(20), m.coefficients());
        assertEquals(fit.model().provenance(), m.provenance());
        assertEquals(fit.model().inputUnit(), m.inputUnit());
        assertArrayEquals(fit.model().trainingVariances().orElseThrow(), m.trainingVariances().orElseThrow());
        // index 0 is the null model: every penalised coefficient 0, the same score for every sample
        double[] p0 = fit.modelAt(0).score(d.cohort.features());
        for (double p : p0) {
            assertEquals(p0[0], p);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> fit.modelAt(path.size()));
    }
}
