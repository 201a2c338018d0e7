package org.gutsignal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code gutsignal-spark.jar} run as a cluster runs it: spark-submit's own main class
 * ({@code org.apache.spark.deploy.SparkSubmit}) in a new JVM, on Spark's classpath (Spark 3.5.8 and its own Jackson
 * 2.15, no unpackaged gutsignal class), {@code --master local[2]}; the profile it writes equals the core's.
 */
class SparkSubmitIT {

    @Test
    void sparkSubmitProfilesPerSampleFilesAsTheCore(@TempDir Path dir) throws Exception {
        List<String> ids = PerSampleFiles.split(TestSpark.testdata("synthetic/ko.tsv"), 0, 12, dir.resolve("ko"),
                "_genefamilies.tsv");
        Path out = dir.resolve("capacities.csv");
        String classpath = Files.readString(Path.of(System.getProperty("gutsignal.spark.classpath"))).strip();
        String jar = System.getProperty("gutsignal.spark.jar");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("gutsignal.spark.javaOptions").split(" ")));
        command.addAll(List.of("-cp", classpath, "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--class", "org.gutsignal.spark.SparkMain", jar,
                "profile", dir.resolve("ko").toString() + "/*_genefamilies.tsv*", "--kind", "genes", "--unit", "CPM",
                "-o", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish in 5 minutes");
        String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("wrote " + out + " (12 samples × 6 molecules from genes"), log);

        FeatureTable core = SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(FeatureTableReader.humann()
                .withUnit(AbundanceUnit.CPM), TestSpark.testdata("synthetic/ko.tsv")).capacities().selectSamples(ids);
        int rows = 0;
        for (File part : out.toFile().listFiles((d, name) -> name.startsWith("part-") && name.endsWith(".csv"))) {
            List<String> lines = Files.readAllLines(part.toPath());
            List<String> header = List.of(lines.get(0).split(","));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                int i = core.indexOfSample(cells[0]);
                for (int m = 0; m < core.featureCount(); m++) {
                    double spark = Double.parseDouble(cells[header.indexOf(core.featureNames().get(m))]);
                    assertEquals(Double.doubleToLongBits(core.get(i, m)), Double.doubleToLongBits(spark),
                            cells[0] + " " + core.featureNames().get(m));
                }
                rows++;
            }
        }
        assertEquals(12, rows);
    }
}
