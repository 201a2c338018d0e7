package org.gutsignal.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the test JVM ({@code local[2]}: two executor threads, as on the 2-core build
 * machine), shared by every test class and stopped when the JVM exits: starting a session costs seconds.
 */
final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("gutsignal-spark-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** A file of the repository's {@code testdata/} folder. */
    static Path testdata(String relative) {
        return Path.of(System.getProperty("gutsignal.testdata", "testdata")).resolve(relative);
    }
}
