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
        String name = originalClass(error);
        Throwable copy = error instanceof SQLException sql
                ? new MaskedSqlException(name, reason(sql), sql.getSQLState(), sql.getErrorCode())
                : new MaskedException(name, reason(error));
        copy.setStackTrace(error.getStackTrace());
        Throwable cause = error.getCause();
        if (cause != null && cause != error && depth < 20) {
            copy.initCause(masked(cause, depth + 1));
        }
        return copy;
    }

    /** The class of the exception {@code error} stands in for (itself when it is no masked copy). */
    public static String originalClass(Throwable error) {
        if (error instanceof MaskedSqlException m) {
            return m.originalClass;
        }
        if (error instanceof MaskedException m) {
            return m.originalClass;
        }
        return error.getClass().getName();
    }

    /** A driver's {@link SQLException}, its message masked; prints as the original class. */
    static final class MaskedSqlException extends SQLException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        MaskedSqlException(String originalClass, String message, String sqlState, int errorCode) {
            super(message, sqlState, errorCode);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            return originalClass + ": " + getMessage();
        }
    }

    /** Any other exception in a driver's or Flyway's chain, its message masked; prints as the original class. */
    static final class MaskedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        MaskedException(String originalClass, String message) {
            super(message);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            return originalClass + ": " + getMessage();
        }
    }
}
