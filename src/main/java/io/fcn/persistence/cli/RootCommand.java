package io.fcn.persistence.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code fcn-db} itself: the global options, declared once here and inherited by every command, so they are
 * accepted before or after the command's name (picocli sets these fields whichever command they follow).
 */
@Command(name = "fcn-db", sortOptions = false,
        customSynopsis = "fcn-db [global options] <command> [options]",
        description = "The migrations of fcn-persistence, on SQL Server or the embedded database.",
        commandListHeading = "%nCommands:%n", optionListHeading = "%nGlobal options (before or after the command):%n",
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%n",
        footer = {"Connection: --url, else the DATABASE_URL variable, else the embedded database file "
                + ".fcn/fcn-db-local.mv.db (--embedded PATH to choose another).",
            "The password comes from --password-file (or the URL); it is never printed. --password-file and "
                + "DATABASE_URL keep it out of the process list (ps), --url does not.",
            "'fcn-db help <command>' or 'fcn-db <command> --help' shows one command's options."})
final class RootCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "the database: jdbc:sqlserver://host:1433;databaseName=fcn;encrypt=true, jdbc:h2:..., "
                    + "or mssql+pyodbc://host:1433/fcn?driver=...&TrustServerCertificate=yes "
                    + "(default: DATABASE_URL, else the embedded database). A password in --url shows in the "
                    + "process list: use --password-file or DATABASE_URL")
    String url;

    @Option(names = "--user", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "the database user (with --url or DATABASE_URL)")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "a file holding the password (with --url or DATABASE_URL)")
    String passwordFile;

    @Option(names = "--embedded", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "the embedded database file when no URL is given (default .fcn/fcn-db-local)")
    String embedded;

    @Option(names = "--dir", paramLabel = "D", scope = ScopeType.INHERIT,
            description = "also use the migrations in D (a project's db/migration); for new: where to create the "
                    + "migration (default db/migration)")
    String dir;

    @Option(names = "--rollback-dir", paramLabel = "R", scope = ScopeType.INHERIT,
            description = "the rollbacks that go with --dir (default: D's sibling rollback, only when D is named "
                    + "migration; any other D needs it)")
    String rollbackDir;

    @Option(names = "--allow-url-classes", scope = ScopeType.INHERIT,
            description = "allow jdbc:sqlserver: properties that make the driver load a class the URL names "
                    + "(socketFactoryClass, trustManagerClass, accessTokenCallbackClass and their arguments)")
    boolean allowUrlClasses;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "one JSON object on stdout instead of text")
    boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "on an error, also the chain of causes (class and masked message, one line each)")
    boolean verbose;

    @Override
    public Integer call() {
        throw new UsageException("no command given");
    }
}
