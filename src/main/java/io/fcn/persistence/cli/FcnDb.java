package io.fcn.persistence.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fcn.persistence.migration.MigrationOperations;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code fcn-db}: the library's migration operations from one command (a thin shell over
 * {@link MigrationOperations}; one class per command, parsed by picocli). {@link #run} does the work and returns the
 * exit code; {@link #main} only exits with it. Errors are one line on stderr, never a stack trace, and never show a
 * password. The commands, options and exit codes: docs/cli.md.
 */
public final class FcnDb {

    /** The variable that names the database, as in the Python service; {@code --url} takes precedence. */
    public static final String DATABASE_URL = "DATABASE_URL";
    /** Where the embedded database lives when no URL is given (H2 adds {@code .mv.db}). */
    public static final Path DEFAULT_EMBEDDED = Path.of(".fcn", "fcn-db-local");

    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

    private FcnDb() {
    }

    /**
     * The {@code fcn-db} command: quiets Flyway's and jOOQ's logging, runs {@link #run} on the process's streams
     * and environment, and exits with its code.
     * @param args the command and its options
     */
    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** What the process logs besides the command's own lines: nothing a user has to read twice. */
    static void quietLogging() {
        // Flyway logs every step at INFO through java.util.logging; the command prints its own summary.
        quiet("org.flywaydb", java.util.logging.Level.WARNING);
        quiet("org.flywaydb.core.internal.database.base.Database", java.util.logging.Level.SEVERE);
        // The library's Flyway logger reports a failed migration at SEVERE, a second multi-line account of what
        // the error line says once (and --verbose in full).
        quiet(io.fcn.persistence.internal.scripts.FlywayLogging.LOGGER, java.util.logging.Level.OFF);
        quiet("org.jooq", java.util.logging.Level.WARNING);
    }

    private static void quiet(String logger, java.util.logging.Level level) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(logger);
        l.setLevel(level);
        QUIET.add(l);
    }

    /**
     * Runs one command; never exits the process and never throws for bad usage or a failed operation.
     * @param args the command and its options
     * @param out where the command's output goes
     * @param err where errors go, one line each
     * @param env the environment ({@value #DATABASE_URL} is read from it)
     * @return the process exit code (the table: docs/cli.md)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, Clock.systemUTC());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        Session session = new Session(out, err, env, clock);
        try {
            return commandLine(session).execute(args);
        } catch (LinkageError e) {
            session.error("error: " + Session.message(e));
            return ExitCode.FAILURE.code();
        }
    }

    /** The root command with one subcommand per operation, writing to the session's streams. */
    static CommandLine commandLine(Session session) {
        CommandLine cl = new CommandLine(session.global);
        cl.addSubcommand(new CommandLine.HelpCommand());
        for (Object command : List.of(new InfoCommand(session), new MigrateCommand(session),
                new UndoCommand(session), new SqlCommand(session), new CheckCommand(session),
                new ValidateCommand(session), new RepairCommand(session), new BaselineCommand(session),
                new NewCommand(session), new PurgeIdempotencyCommand(session), new LintCommand(session),
                new DiffCommand(session), new SchemaCommand(session))) {
            cl.addSubcommand(command);
        }
        for (CommandLine command : cl.getSubcommands().values()) {
            if (!(command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand)) {
                command.getCommandSpec().usageMessage().optionListHeading("%nOptions:%n");
                command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, FcnDb::optionList);
            }
        }
        cl.getCommandSpec().usageMessage().exitCodeList(ExitCode.table());
        // An argument starting with @ is an argument, not a file of arguments.
        cl.setExpandAtFiles(false);
        // picocli writes only our help text there; untrusted text goes through the session's escaping streams.
        cl.setOut(writer(EscapingPrintStream.raw(session.out)));
        cl.setErr(writer(EscapingPrintStream.raw(session.err)));
        cl.setParameterExceptionHandler((e, args) -> usage(session, e.getCommandLine(), message(e)));
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException) {
                return usage(session, command, e.getMessage());
            }
            session.error("error: " + Session.message(e));
            session.detail(e);
            return ExitCode.FAILURE.code();
        });
        cl.setExecutionStrategy(parsed -> {
            givenOnce(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    /**
     * Bad usage: the reason and where to read more, two lines and nothing else (not picocli's usage dump), exit 2.
     */
    private static int usage(Session session, CommandLine command, String reason) {
        CommandLine named = command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand
                ? command.getParent() : command;
        session.error(reason.strip().replaceAll("\\s*\\R\\s*", " "));
        session.err.println("see " + named.getCommandSpec().qualifiedName() + " --help");
        return ExitCode.USAGE.code();
    }

    private static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && e.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command " + u.getUnmatched().get(0);
        }
        return e.getMessage();
    }

    /** A command's own options, then the global ones under their own heading. */
    private static String optionList(CommandLine.Help help) {
        List<OptionSpec> own = new ArrayList<>();
        List<OptionSpec> global = new ArrayList<>();
        for (OptionSpec option : help.commandSpec().options()) {
            (option.inherited() ? global : own).add(option);
        }
        return help.optionListExcludingGroups(own, help.createDefaultLayout(), null,
                help.createDefaultParamLabelRenderer())
                + String.format("%nGlobal options (before or after the command):%n")
                + help.optionListExcludingGroups(global, help.createDefaultLayout(), null,
                        help.createDefaultParamLabelRenderer());
    }

    /** A global option before and again after the command is given twice, as it would be on one side. */
    private static void givenOnce(ParseResult root) {
        ParseResult command = root.subcommand();
        if (command == null) {
            return;
        }
        for (OptionSpec option : command.matchedOptions()) {
            if (option.inherited() && root.hasMatchedOption(option.longestName())) {
                throw new ParameterException(command.commandSpec().commandLine(),
                        option.longestName() + " given twice");
            }
        }
    }

    /** picocli prints help through a Writer; this one keeps the stream's own charset. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                stream.print(new String(buffer, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }
}
