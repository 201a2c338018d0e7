package org.gutsignal.spark;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.gutsignal.cohort.FileFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code spark-submit} entry point: population-scale profiling, scoring and permutation tests as Spark jobs
 * ({@code docs/scaling.md}).
 *
 * <pre>
 * spark-submit --class org.gutsignal.spark.SparkMain gutsignal-spark.jar profile 's3a://b/humann/*_ko.tsv.gz' \
 *     --kind genes --unit CPM -o s3a://b/capacities.parquet
 * </pre>
 *
 * <p>Exit codes as the {@code gutsignal} command's: 0 success; 2 bad usage; 3 bad input (a file that is not as
 * expected, a missing file, data the analysis cannot use: the one-line message names the file); 1 anything else.
 * Errors are one line on standard error; {@code --verbose} adds the stack trace.
 */
@Command(name = "gutsignal-spark", mixinStandardHelpOptions = true, versionProvider = SparkMain.Version.class,
        description = "gutsignal's profiling, scoring and permutation tests as Spark jobs: the core's code on the"
                + " executors, the core's numbers.",
        subcommands = {ProfileCommand.class, ScoreCommand.class, PermutationTestCommand.class,
            CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class SparkMain implements Runnable {

    static final int BAD_INPUT = 3;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print no notes.")
    boolean quiet;

    /** Where notes go (standard error). */
    PrintStream err = System.err;

    /** The session of the job, made when a command first needs it. */
    Supplier<SparkSession> session = () -> SparkSession.builder().appName("gutsignal-spark").getOrCreate();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a subcommand is required");
    }

    /** Runs a command in the session {@code spark-submit} sets up, and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err, null);
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    /**
     * Runs the command line with these streams and, if not null, this session (else the one {@code spark-submit}
     * configured); returns the exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, SparkSession spark) {
        org.gutsignal.io.AtomicFiles.forgetInputs(); // a command is a run: its outputs may not replace its inputs
        SparkMain main = new SparkMain();
        main.err = err;
        if (spark != null) {
            main.session = () -> spark;
        }
        CommandLine cl = new CommandLine(main);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter w = line.getErr();
            w.println("gutsignal-spark " + line.getCommandName() + ": " + Errors.message(e).replace('\n', ' '));
            if (main.verbose) {
                e.printStackTrace(w);
            }
            w.flush();
            return exitCode(e);
        });
        return cl.execute(args);
    }

    static int exitCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileFormatException || t instanceof java.io.FileNotFoundException
                    || t instanceof java.nio.file.NoSuchFileException || t instanceof IllegalArgumentException
                    || t instanceof java.io.UncheckedIOException && t.getCause() instanceof FileFormatException
                    || t instanceof org.apache.spark.sql.AnalysisException) {
                return BAD_INPUT;
            }
        }
        return 1;
    }

    /** The library version, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SparkMain.class.getPackage().getImplementationVersion();
            return new String[] {"gutsignal-spark " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
