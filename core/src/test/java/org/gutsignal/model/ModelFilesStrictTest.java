package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files that would once load broken (scoring NaN, a block silently dropped, an encoding
 * error without the file's name) are refused with a message naming file, line and column. One
 * tiny file per case in {@code model/strict/}: a one-feature format-2 model with a standardisation,
 * differing from {@code ok.json} in the one value the case is about.
 */
class ModelFilesStrictTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "huge_coefficient.json|0|0|inconsistent model: coefficient of 'HMBPP' must be 0 or a normal double of magnitude at most 1e6 but is 1.0E308",
        "underflow_coefficient.json|9|21|field 'features[0].coefficient': '1e-400' is below the smallest positive normal double 2.2250738585072014E-308",
        "subnormal_scale.json|23|29|field 'preprocessing.steps[0].parameters[1]': '4.9e-324' is below the smallest positive normal double 2.2250738585072014E-308",
        "tiny_scale.json|19|17|inconsistent step 'preprocessing.steps[0].': STANDARDIZE: scale of feature 'HMBPP' must be in [1e-300, 1e300] but is 1.0E-305",
        "folded_overflow.json|0|0|inconsistent model: the intercept with the standardisation folded in overflows: the centres are too large for the coefficients",
        "unknown_field.json|10|16|unknown field 'features[0].weight' in a file of format version 2 (expected only name, coefficient)",
        "v1_with_preprocessing.json|17|21|field 'preprocessing' is not part of format version 1 (it came with version 2): such a file would be read without its preprocessing; set formatVersion to 2 or more",
        "latin1.json|12|31|expected UTF-8 text but found the byte 0xE9 at byte offset 243 (save the file as UTF-8)",
    })
    void aModelFileThatWouldLoadBrokenIsRefused(String file, long line, long column, String problem)
            throws Exception {
        Path path = resource(file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(path));
        assertEquals(path + (line == 0 ? "" : ", line " + line + ", column " + column) + ": " + problem, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        assertEquals(ModelFiles.read(resource("ok.json")), ModelFiles.read(resource("bom.json")));
    }

    /** The bounds hold for models built in code too: 1e308 coefficients once scored NaN without an error. */
    @Test
    void responseModelRefusesParametersThatOverflowWhenScoring() {
        Provenance p = new Provenance("v", 0, "sha256:x", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseModel.of(List.of("a", "b"), new double[] {1e308, -1e308}, 0, 0, 1, p));
        assertEquals("coefficient of 'a' must be 0 or a normal double of magnitude at most 1e6 but is 1.0E308",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ResponseModel.of(List.of("a"), new double[] {Double.MIN_VALUE}, 0, 0, 1, p));
        assertEquals("coefficient of 'a' must be 0 or a normal double of magnitude at most 1e6 but is 4.9E-324",
                e.getMessage());
    }

    /** Finite inputs so large that two terms overflow to opposite infinities are an error, never a NaN score. */
    @Test
    void scoreNeverReturnsNaN() {
        ResponseModel m = ResponseModel.of(List.of("a", "b"), new double[] {2, -2}, 0, 0, 1,
                new Provenance("v", 0, "sha256:x", 1));
        FeatureTable t = FeatureTable.ofRowMajor(List.of("s1"), List.of("a", "b"), new double[] {1e308, 1e308},
                AbundanceUnit.TRANSFORMED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.score(t));
        assertEquals("the linear predictor of sample 's1' is not a number: its terms overflow to opposite infinities"
                + " (inputs too large for this model)", e.getMessage());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ModelFilesStrictTest.class.getResource("/model/strict/" + name).toURI());
    }
}
