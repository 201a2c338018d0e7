package org.gutsignal.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RealCohortLee2022 runs end to end on the bundled Lee 2022 copy. */
class RealCohortLee2022Test {

    @Test
    void runsAndReportsJoinCoverageAurocsAndAssociations() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RealCohortLee2022.run(RealCohortLee2022.DIR, new PrintStream(buf, true, StandardCharsets.UTF_8), 2);
        String text = buf.toString(StandardCharsets.UTF_8);
        // one metadata row has accession NA: the lenient join drops it and says so
        assertTrue(text.contains("1 metadata rows dropped"), text);
        assertTrue(text.contains("164 samples"), text);
        for (String g : new String[] {"Barcelona", "Leeds", "PRIMM-NL", "PRIMM-UK", "pooled", "HMBPP"}) {
            assertTrue(text.contains(g), g);
        }
    }
}
