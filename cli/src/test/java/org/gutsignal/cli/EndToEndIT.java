package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code cli/target/gutsignal.jar} run as a user runs it: {@code java -jar} in a separate
 * process, from the repository root, on the bundled data. Failsafe runs this after {@code package}
 * ({@code mvn -B verify}); the system property {@code gutsignal.jar} names the jar.
 *
 * <p>{@link #chain} is the whole analysis as one list of steps, each reading what the earlier ones
 * wrote: synth, summary, profile, fit, cv, score and report, each checked against the library's
 * own result where there is one.
 */
class EndToEndIT {

    private static final Path ROOT = Path.of(System.getProperty("gutsignal.root", "."));
    private static final Path JAR = Path.of(System.getProperty("gutsignal.jar", "cli/target/gutsignal.jar"));
    private static final Path SYNTHETIC = ROOT.resolve("testdata/synthetic");
    private static final List<String> SYNTH_FILES = List.of("species.tsv", "ko.tsv", "metadata.tsv",
            "capacities.tsv", "traits.tsv", "truth.tsv");

    @TempDir
    static Path out;

    /** What a process did: its exit code and everything it wrote. */
    record Run(List<String> args, int exit, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "gutsignal " + String.join(" ", args) + " → exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n"
                    + stderr;
        }
    }

    /** One command of the chain and what must hold after it ran. */
    record Step(String name, List<String> args, Check check) {
    }

    @FunctionalInterface
    interface Check {
        void verify(Run run) throws IOException;
    }

    /**
     * The analysis on the bundled data, in order. Each step must exit 0 and pass its check.
     */
    static List<Step> chain(Path dir) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("synth writes the checked-in cohort, byte for byte",
                List.of("synth", "-o", dir.resolve("synthetic").toString()), run -> {
                    for (String f : SYNTH_FILES) {
                        assertArrayEquals(Files.readAllBytes(SYNTHETIC.resolve(f)),
                                Files.readAllBytes(dir.resolve("synthetic").resolve(f)), f + "\n" + run);
                    }
                    assertEquals(List.of("wrote " + dir.resolve("synthetic") + ": 947 patients, 160 species, 400 KOs"
                            + " (seed 20250101)"), run.stderrLines(), run.toString());
                }));
        steps.add(new Step("summary of the cohort it wrote",
                List.of("summary", dir.resolve("synthetic/species.tsv").toString(), "-m",
                        dir.resolve("synthetic/metadata.tsv").toString()), run -> {
                    List<String> lines = run.stdout().lines().toList();
                    assertEquals("key\tvalue", lines.get(0), run.toString());
                    for (String row : List.of("format\tMetaPhlAn merged table", "samples\t947", "features\t160",
                            "joined_samples\t947")) {
                        assertTrue(lines.contains(row), row + " missing from\n" + run);
                    }
                    assertEquals("", run.stderr(), run.toString());
                }));
        Path caps = dir.resolve("capacities.tsv");
        Path meta = SYNTHETIC.resolve("metadata.tsv");
        steps.add(new Step("profile the KO table into molecule capacities",
                List.of("profile", SYNTHETIC.resolve("ko.tsv").toString(), "--unit", "CPM", "-o", caps.toString()),
                run -> {
                    FeatureTable expected = SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(
                            FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(SYNTHETIC.resolve("ko.tsv")))
                            .capacities();
                    assertEquals(expected, FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM).read(caps),
                            run.toString());
                }));
        steps.add(new Step("fit a model", List.of("fit", caps.toString(), "--unit", "CPM", "-m", meta.toString(), "-o",
                dir.resolve("model.json").toString()), run -> {
                    ResponseModel m = ModelFiles.read(dir.resolve("model.json"));
                    assertEquals(java.util.Optional.of(AbundanceUnit.CPM), m.inputUnit(), run.toString());
                    assertEquals(6, m.inputFeatures().size(), run.toString());
                }));
        steps.add(new Step("cross-validate, leaving one site out", List.of("cv", caps.toString(), "--unit", "CPM", "-m",
                meta.toString(), "--split", "logo", "-o", dir.resolve("cv").toString(), "--quiet"), run -> {
                    List<String> groups = Files.readAllLines(dir.resolve("cv/groups.tsv"));
                    assertEquals(7, groups.size(), "header + 5 sites + validation\n" + groups);
                    assertTrue(Files.readString(dir.resolve("cv/pooled.tsv")).contains("REML"), run.toString());
                }));
        steps.add(new Step("score with the model", List.of("score", caps.toString(), "--unit", "CPM", "--model",
                dir.resolve("model.json").toString(), "-o", dir.resolve("scores.tsv").toString()), run -> {
                    double[] expected = ModelFiles.read(dir.resolve("model.json")).score(
                            FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM).read(caps));
                    List<String> rows = Files.readAllLines(dir.resolve("scores.tsv"));
                    assertEquals(expected.length + 1, rows.size(), run.toString());
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], Double.parseDouble(rows.get(i + 1).split("\t")[1]), 0.0, rows.get(i + 1));
                    }
                }));
        steps.add(new Step("report from the CV run", List.of("report", "--cv", dir.resolve("cv").toString(), "--model",
                dir.resolve("model.json").toString(), "-o", dir.resolve("report.html").toString()), run ->
                    assertTrue(Files.readString(dir.resolve("report.html")).contains("data:image/png;base64,"),
                            run.toString())));
        return steps;
    }

    @TestFactory
    Stream<DynamicTest> theWholeAnalysisRunsFromTheJar() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: integration tests run after package (mvn -B verify)");
        return chain(out).stream().map(step -> DynamicTest.dynamicTest(step.name(), () -> {
            Run run = gutsignal(step.args());
            assertEquals(0, run.exit(), run.toString());
            step.check().verify(run);
        }));
    }

    @Test
    void aMalformedTableExitsWith3AndOneLineNamingFileLineAndColumn() throws Exception {
        Path bad = out.resolve("bad-ko.tsv");
        Files.writeString(bad, "# Gene Family\ts1\ts2\nK00001\t1\t2\nK00002\t3\t1e\n", StandardCharsets.UTF_8);
        Run run = gutsignal(List.of("summary", bad.toString()));
        assertEquals(3, run.exit(), run.toString());
        // the message names the file as the readers do, by its name
        assertEquals(List.of("gutsignal summary: " + bad.getFileName()
                + ", line 3, column 3 ('s2'): expected a number but found '1e'"), run.stderrLines(), run.toString());
        assertEquals("", run.stdout(), run.toString());
    }

    @Test
    void anUnknownOptionExitsWith2() throws Exception {
        Run run = gutsignal(List.of("summary", "--no-such-option", SYNTHETIC.resolve("species.tsv").toString()));
        assertEquals(2, run.exit(), run.toString());
        assertEquals("Unknown option: '--no-such-option'", run.stderrLines().get(0), run.toString());
    }

    @Test
    void theLauncherScriptRunsTheJar() throws Exception {
        Path script = ROOT.resolve("cli/gutsignal");
        assertTrue(Files.isExecutable(script), script + " must be executable");
        Run run = run(List.of("sh", script.toString(), "--version"), List.of("--version"));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.stdout().startsWith("gutsignal "), run.toString());
    }

    /** Runs {@code java -jar gutsignal.jar ARGS} with this JVM's java, from the repository root. */
    static Run gutsignal(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", JAR.toString()));
        command.addAll(args);
        return run(command, args);
    }

    private static Run run(List<String> command, List<String> args) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(out, "stdout", ".txt");
        Path stderr = Files.createTempFile(out, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("gutsignal " + args + " did not end within 5 minutes");
        }
        return new Run(args, p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
