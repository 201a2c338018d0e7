package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.gutsignal.cohort.Response;
import org.junit.jupiter.api.Test;

class ResponseMappingTest {

    @Test
    void presetsMapTheirLabelsIgnoringCaseAndSpace() {
        assertEquals(Response.RESPONDER, ResponseMapping.YES_NO.map(" Yes "));
        assertEquals(Response.NON_RESPONDER, ResponseMapping.YES_NO.map("NO"));
        assertEquals(Response.RESPONDER, ResponseMapping.R_NR.map("r"));
        assertEquals(Response.NON_RESPONDER, ResponseMapping.R_NR.map("NR"));
        assertEquals(Response.NON_RESPONDER, ResponseMapping.RESPONDER_NON_RESPONDER.map("non_responder"));
        assertEquals(Response.NON_RESPONDER, ResponseMapping.RESPONDER_NON_RESPONDER.map("Non-Responder"));
        assertEquals(Response.RESPONDER, ResponseMapping.ONE_ZERO.map("1"));
        assertEquals(Response.NON_RESPONDER, ResponseMapping.ONE_ZERO.map("0"));
        assertEquals(Response.RESPONDER, ResponseMapping.RECIST.map("CR"));
        assertEquals(Response.RESPONDER, ResponseMapping.RECIST.map("pr"));
        assertEquals(Response.NON_RESPONDER, ResponseMapping.RECIST.map("SD"));
        assertEquals(Response.NON_RESPONDER, ResponseMapping.RECIST.map("PD"));
    }

    @Test
    void missingLabelsAreUnknown() {
        for (String na : new String[] {"NA", "n/a", "NaN", "", "  "}) {
            assertEquals(Response.UNKNOWN, ResponseMapping.ONE_ZERO.map(na), na);
        }
    }

    @Test
    void otherLabelsAreErrorsNamingTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResponseMapping.RECIST.map("NE"));
        assertEquals("expected a response label (responder: CR, PR; non-responder: PD, SD; unknown: NA, N/A, NaN or "
                + "empty) but found 'NE'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResponseMapping.ONE_ZERO.map("1.0"));
    }

    @Test
    void customMappingIsValidated() {
        ResponseMapping m = ResponseMapping.of(Set.of("Good"), Set.of("poor", "very poor"));
        assertEquals(Response.RESPONDER, m.map("good"));
        assertEquals(Response.NON_RESPONDER, m.map("VERY POOR"));
        assertEquals(ResponseMapping.YES_NO, ResponseMapping.of(Set.of("YES"), Set.of("no")));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> ResponseMapping.of(Set.of("x"), Set.of("X")));
        assertEquals("label 'x' is in both responders [x] and nonResponders [X]", both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResponseMapping.of(Set.of("NA"), Set.of("no")));
        assertThrows(IllegalArgumentException.class, () -> ResponseMapping.of(Set.of(), Set.of("no")));
    }
}
