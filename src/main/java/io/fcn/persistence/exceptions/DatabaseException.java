package io.fcn.persistence.exceptions;

/**
 * The database refused or failed a statement for a reason that retrying will not fix (a constraint the library did
 * not expect, a missing privilege). Keeps what a caller can act on, SQLState and the SQL Server
 * error number, and never the driver's message text, which may carry a URL or a credential: the cause is a scrubbed
 * stand-in for the driver's exception (its class name, SQLState, error number and stack trace).
 */
public class DatabaseException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /** The driver's SQLState, or null. */
    private final String sqlState;
    /** The vendor error number, or 0. */
    private final int errorCode;

    /**
     * A database failure; {@code cause} should already be scrubbed (the library passes its stand-in).
     * @param message what failed, with no driver text
     * @param sqlState the SQLState the driver reported, or null
     * @param errorCode the vendor error number, or 0
     * @param cause the scrubbed cause
     */
    public DatabaseException(String message, String sqlState, int errorCode, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.errorCode = errorCode;
    }

    /** {@return the SQLState the driver reported, or null when it gave none} */
    public String sqlState() {
        return sqlState;
    }

    /** {@return the vendor error number (SQL Server's error number, H2's error code); 0 when none was given} */
    public int errorCode() {
        return errorCode;
    }
}
