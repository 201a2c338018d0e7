package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTest {

    @Test
    void respondersAreOneAndNonRespondersZero() {
        assertEquals(1, Response.RESPONDER.asBinary());
        assertEquals(0, Response.NON_RESPONDER.asBinary());
        assertEquals("an unknown response has no 0/1 value",
                assertThrows(IllegalStateException.class, Response.UNKNOWN::asBinary).getMessage());
    }

    @Test
    void checkLabelsAcceptsZeroOneAndNamesTheFirstBadIndex() {
        Response.checkLabels(new int[] {0});
        Response.checkLabels(new int[] {1, 0, 1});
        assertEquals("labels[2] must be 0 or 1 but is -1", assertThrows(IllegalArgumentException.class,
                () -> Response.checkLabels(new int[] {0, 1, -1, 2})).getMessage());
        assertEquals("labels is empty", assertThrows(IllegalArgumentException.class,
                () -> Response.checkLabels(new int[0])).getMessage());
        assertEquals("labels", assertThrows(NullPointerException.class,
                () -> Response.checkLabels(null)).getMessage());
    }

    @Test
    void onlyTransformedValuesAreNotAbundances() {
        for (AbundanceUnit unit : AbundanceUnit.values()) {
            assertEquals(unit != AbundanceUnit.TRANSFORMED, unit.isAbundance(), unit.name());
        }
        assertTrue(AbundanceUnit.PERCENT.isAbundance());
        assertFalse(AbundanceUnit.TRANSFORMED.isAbundance());
        assertEquals(7, AbundanceUnit.values().length, "a new unit needs a decision about isAbundance");
    }

    @Test
    void thereAreExactlyTwoJoinPolicies() {
        assertEquals(List.of(JoinPolicy.STRICT, JoinPolicy.LENIENT), List.of(JoinPolicy.values()));
    }
}
