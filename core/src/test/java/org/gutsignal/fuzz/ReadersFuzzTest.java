package org.gutsignal.fuzz;

import static org.gutsignal.fuzz.FuzzInput.FUZZ_DURATION;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.BiomReader;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.io.ResponseMapping;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.TraitTable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz tests of every reader of user files: any bytes either read or are refused with an
 * {@link IOException} naming the file (line and column inside it), and a table that reads writes
 * back as samples-as-rows to an equal table.
 *
 * <p>{@code mvn verify} replays the seed corpus in
 * {@code src/test/resources/org/gutsignal/fuzz/ReadersFuzzTestInputs/<method>/}; to fuzz one target
 * for {@link FuzzInput#FUZZ_DURATION} run, for example,
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl core test -Dtest=ReadersFuzzTest#humann -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReadersFuzzTest {

    @TempDir
    Path dir;

    /** {@code .tsv} if the first line holds a tab, else {@code .csv}: seeds of both kinds keep their delimiter. */
    private static String delimitedName(String stem, byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\t') {
                return stem + ".tsv";
            }
            if (b == '\n' || b == '\r') {
                break;
            }
        }
        return stem + ".csv";
    }

    private void roundTrip(FeatureTable t) throws IOException {
        if (t != null) {
            FuzzInput.checkRoundTrip(dir, t);
        }
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void samplesAsRows(byte[] bytes) throws IOException {
        FeatureTableReader r = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CAPACITY);
        roundTrip(FuzzInput.read(dir, delimitedName("table", bytes), bytes, r::read));
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void humann(byte[] bytes) throws IOException {
        roundTrip(FuzzInput.read(dir, delimitedName("genefamilies", bytes), bytes, FeatureTableReader.humann()::read));
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void metaphlan(byte[] bytes) throws IOException {
        roundTrip(FuzzInput.read(dir, delimitedName("profile", bytes), bytes, FeatureTableReader.metaphlan()::read));
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void biomJson(byte[] bytes) throws IOException {
        roundTrip(FuzzInput.read(dir, "table.biom", bytes, BiomReader.withDefaults()::read));
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void metadataGutsignal(byte[] bytes) throws IOException {
        FuzzInput.read(dir, delimitedName("metadata", bytes), bytes, MetadataReader.gutsignal()::read);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void metadataOf(byte[] bytes) throws IOException {
        MetadataReader r = MetadataReader.of("id", "response", ResponseMapping.YES_NO).withGroupColumn("site");
        FuzzInput.read(dir, delimitedName("metadata", bytes), bytes, r::read);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void moleculeCatalog(byte[] bytes) throws IOException {
        FuzzInput.read(dir, delimitedName("catalog", bytes), bytes, MoleculeCatalog::read);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void traitTable(byte[] bytes) throws IOException {
        FuzzInput.read(dir, delimitedName("traits", bytes), bytes, TraitTable::read);
    }
}
