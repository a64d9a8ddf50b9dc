package io.fcn.persistence.internal.engine;

import java.sql.SQLException;
import java.util.List;

import org.jooq.exception.DataAccessException;

/**
 * What the library's own operations (catalog reads, engine detection, migrations) keep of a driver's or Flyway's
 * error: its reason, with every URL in it masked by {@link UrlSecrets}, so the command line can say why a connection
 * failed without quoting a credential. The causes are masked copies (class name, SQLState, error code and stack
 * trace kept), since a stack trace prints every cause's message.
 */
public final class DriverText {

    private DriverText() {
    }

    /** The message of {@code error} with the URLs in it masked; the class name when it has none. */
    public static String reason(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return UrlSecrets.maskText(message.strip(), List.of());
    }

    /** A jOOQ {@link DataAccessException} saying {@code what} and why, with a masked cause. */
    public static DataAccessException dataAccess(String what, Throwable error) {
        return new DataAccessException(what + ": " + reason(error), masked(error));
    }

    /**
     * A copy of {@code error} and its causes whose messages are masked: an {@link SQLException} keeps its SQLState
     * and error code (what error translation reads), anything else becomes a {@link RuntimeException} naming its
     * class.
     */
    public static Throwable masked(Throwable error) {
        return masked(error, 0);
    }

    private static Throwable masked(Throwable error, int depth) {
        Throwable copy;
        if (error instanceof SQLException sql) {
            copy = new MaskedSqlException(sql.getClass().getName() + ": " + reason(sql), sql.getSQLState(),
                    sql.getErrorCode());
        } else {
            copy = new MaskedException(error.getClass().getName() + ": " + reason(error));
        }
        copy.setStackTrace(error.getStackTrace());
        Throwable cause = error.getCause();
        if (cause != null && cause != error && depth < 20) {
            copy.initCause(masked(cause, depth + 1));
        }
        return copy;
    }

    /** A driver's {@link SQLException}, its message masked. */
    static final class MaskedSqlException extends SQLException {
        private static final long serialVersionUID = 1L;

        MaskedSqlException(String message, String sqlState, int errorCode) {
            super(message, sqlState, errorCode);
        }
    }

    /** Any other exception in a driver's or Flyway's chain, its message masked. */
    static final class MaskedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedException(String message) {
            super(message);
        }
    }
}
