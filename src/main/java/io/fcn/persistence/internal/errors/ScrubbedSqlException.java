package io.fcn.persistence.internal.errors;

import java.sql.SQLException;

/**
 * Stands in for a driver's exception in what the library throws: the driver's class name, SQLState, error number and
 * stack trace, but none of its message text (drivers put URLs, host names and sometimes credentials there). The
 * chain of next exceptions and causes is scrubbed the same way.
 */
public final class ScrubbedSqlException extends SQLException {

    private static final long serialVersionUID = 1L;

    private final String originalClass;

    private ScrubbedSqlException(Throwable original, String sqlState, int errorCode) {
        super(describe(original.getClass().getName(), sqlState, errorCode), sqlState, errorCode);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** A scrubbed copy of {@code error} and its causes; an already scrubbed one is returned as it is. */
    public static ScrubbedSqlException of(Throwable error) {
        if (error instanceof ScrubbedSqlException s) {
            return s;
        }
        String state = error instanceof SQLException e ? e.getSQLState() : null;
        int code = error instanceof SQLException e ? e.getErrorCode() : 0;
        ScrubbedSqlException scrubbed = new ScrubbedSqlException(error, state, code);
        if (error instanceof SQLException e && e.getNextException() != null && e.getNextException() != e) {
            scrubbed.setNextException(of(e.getNextException()));
        }
        Throwable cause = error.getCause();
        if (cause != null && cause != error && !(error instanceof SQLException e && cause == e.getNextException())) {
            scrubbed.initCause(of(cause));
        }
        return scrubbed;
    }

    /** The class name of the driver's exception this stands in for. */
    public String originalClass() {
        return originalClass;
    }

    static String describe(String className, String sqlState, int errorCode) {
        return className + " (SQLState " + (sqlState == null ? "none" : sqlState) + ", error " + errorCode
                + "; message withheld)";
    }
}
