package io.fcn.persistence.exceptions;

/**
 * The database refused or failed a statement for a reason that retrying will not fix (a constraint the library did
 * not expect, a missing privilege, a lost connection). Keeps what a caller can act on, SQLState and the SQL Server
 * error number, and never the driver's message text, which may carry a URL or a credential: the cause is a scrubbed
 * stand-in for the driver's exception (its class name, SQLState, error number and stack trace).
 */
public class DatabaseException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int errorCode;

    /** {@code cause} should already be scrubbed; the library passes its stand-in. */
    public DatabaseException(String message, String sqlState, int errorCode, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.errorCode = errorCode;
    }

    /** The SQLState the driver reported, or null when it gave none. */
    public String sqlState() {
        return sqlState;
    }

    /** The vendor error number (SQL Server's error number, H2's error code); 0 when none was given. */
    public int errorCode() {
        return errorCode;
    }
}
