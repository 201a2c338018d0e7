package org.gutsignal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.gutsignal.cohort.FileFormatException;
import org.gutsignal.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code gutsignal} command: the whole analysis from the files an R or Python user has, with
 * tidy TSV/CSV, {@code model.json}, PNG and HTML outputs. Each subcommand is a thin layer over the
 * library's public API; see {@code docs/cli.md}.
 *
 * <p>Exit codes: 0 success; 2 bad usage (picocli's: unknown option, missing argument); 3 bad
 * input (a file that is not as expected — the one-line message names file, line, column and what
 * was expected — a missing file, or data the analysis cannot use); 1 anything else. Errors are
 * one line on standard error; {@code --verbose} adds the stack trace.
 */
@Command(name = "gutsignal", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Predicts checkpoint-therapy response from the signalling capacity of the gut microbiome.",
        subcommands = {Synth.class, Summary.class, Merge.class, Profile.class, Assoc.class, Fit.class, Cv.class,
            Score.class, Explain.class, Report.class,
            CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class},
        usageHelpAutoWidth = true)
public final class Main implements Runnable {

    /** Exit code for a user's file or data that cannot be used. */
    static final int BAD_INPUT = 3;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print no progress or notes.")
    boolean quiet;

    /** Where commands print notes, progress and results meant for a person (standard error). */
    PrintStream err = System.err;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        AtomicFiles.forgetInputs(); // a command is a run: its outputs may not replace its own inputs
        Main main = new Main();
        main.err = err;
        CommandLine cl = new CommandLine(main);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter w = line.getErr();
            w.println("gutsignal " + line.getCommandName() + ": " + message(e));
            if (main.verbose) {
                e.printStackTrace(w);
            }
            w.flush();
            return exitCode(e);
        });
        return cl.execute(args);
    }

    static int exitCode(Throwable e) {
        if (e instanceof FileFormatException || e instanceof NoSuchFileException || e instanceof AccessDeniedException
                || e instanceof IllegalArgumentException) {
            return BAD_INPUT;
        }
        return 1;
    }

    private static String message(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": " + (n.getReason() == null ? "no such file" : n.getReason());
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    /** The library version, from the core jar's manifest or its Maven-filtered resource. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gutsignal " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
