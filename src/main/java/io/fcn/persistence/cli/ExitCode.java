package io.fcn.persistence.cli;

/** The exit codes of {@code fcn-db}, documented in README. */
public enum ExitCode {
    /** Done; {@code check}: up to date and no drift. */
    OK(0),
    /** The operation failed or was refused (connection, SQL error, unknown database state, irreversible step). */
    FAILURE(1),
    /** Bad arguments: usage printed. */
    USAGE(2),
    /** {@code check}: migrations are pending. */
    PENDING(3),
    /** {@code check}: the schema has drifted from the one the migrations define. */
    DRIFT(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
