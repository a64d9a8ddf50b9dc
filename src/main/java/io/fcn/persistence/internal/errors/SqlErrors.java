package io.fcn.persistence.internal.errors;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.ExecuteContext;
import org.jooq.exception.DataAccessException;
import org.jooq.Field;
import org.jooq.impl.DefaultExecuteListener;

import io.fcn.persistence.exceptions.DatabaseException;
import io.fcn.persistence.exceptions.FcnPersistenceException;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.exceptions.TransientDatabaseException.Reason;

/** What a database error means, on SQL Server and on the embedded H2, in one place. */
public final class SqlErrors {

    // SQL Server error numbers.
    private static final int MSSQL_DEADLOCK_VICTIM = 1205;
    private static final int MSSQL_LOCK_TIMEOUT = 1222;
    private static final int MSSQL_UNIQUE_CONSTRAINT = 2627;
    private static final int MSSQL_UNIQUE_INDEX = 2601;
    /** Any constraint conflict (FOREIGN KEY, CHECK, REFERENCE): the message says which kind. */
    private static final int MSSQL_CONSTRAINT_CONFLICT = 547;
    /** Babelfish (T-SQL over PostgreSQL): the number it gives errors that have no SQL Server equivalent. */
    private static final int BABELFISH_UNMAPPED = 33557097;
    // H2 error codes (org.h2.api.ErrorCode).
    private static final int H2_DEADLOCK = 40001;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_STATEMENT_CANCELED = 57014;
    private static final int H2_DUPLICATE_KEY = 23505;
    private static final int H2_FOREIGN_KEY_PARENT_MISSING = 23506;
    /** H2: connection broken, database closed, database called at shutdown. */
    private static final Set<Integer> H2_CONNECTION_LOST = Set.of(90067, 90098, 90121);
    /**
     * SQL Server / Azure SQL errors that a retry after a pause survives: the failover and throttling errors
     * Microsoft's transient-fault guidance lists (4060 cannot open database, 4221 login during a replica change,
     * 10928/10929 resource limits, 40197 service error, 40501 busy, 40613 database unavailable, 49918-49920
     * cannot process request).
     */
    private static final Set<Integer> MSSQL_FAILOVER = Set.of(4060, 4221, 10928, 10929, 40197, 40501, 40613,
            49918, 49919, 49920);

    private SqlErrors() {
    }

    /**
     * {@code value} as read from {@code column}, a NOT NULL enum column: jOOQ's enum converter reads a value the enum
     * lacks as null, which only a database without the column's CHECK can hold.
     */
    public static <E extends Enum<E>> E known(E value, Field<E> column) {
        if (value == null) {
            throw new DatabaseException(String.join(".", column.getQualifiedName().getName())
                    + " holds a value that " + column.getType().getSimpleName() + " does not know", null, 0, null);
        }
        return value;
    }

    /** A unique constraint or unique index rejected the row. */
    public static boolean isUniqueViolation(Throwable error) {
        for (SQLException e = sqlException(error); e != null; e = e.getNextException()) {
            int code = e.getErrorCode();
            if (code == MSSQL_UNIQUE_CONSTRAINT || code == MSSQL_UNIQUE_INDEX || code == H2_DUPLICATE_KEY
                    || "23505".equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A foreign key rejected the row: the row it references does not exist. */
    public static boolean isForeignKeyViolation(Throwable error) {
        for (SQLException e = sqlException(error); e != null; e = e.getNextException()) {
            int code = e.getErrorCode();
            // 547 covers CHECK constraints too: the message tells them apart ("FOREIGN KEY constraint" on SQL
            // Server, "violates foreign key constraint" on Babelfish), and so does the library's fk_ naming.
            String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (code == H2_FOREIGN_KEY_PARENT_MISSING || (code == MSSQL_CONSTRAINT_CONFLICT
                    && (message.contains("foreign key") || message.contains("\"fk_")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The named constraint (foreign key, CHECK, unique) rejected the statement. Both engines name the constraint in
     * the message, and SQL Server reports foreign keys and CHECKs under one error number (547), so the name is
     * what tells them apart.
     */
    public static boolean violates(Throwable error, String constraintName) {
        String name = constraintName.toLowerCase(java.util.Locale.ROOT);
        for (SQLException e = sqlException(error); e != null; e = e.getNextException()) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23") && e.getMessage() != null
                    && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The transient reason behind {@code error}, or null when retrying would not help. */
    public static Reason transientReason(Throwable error) {
        SQLException e = sqlException(error);
        if (e == null) {
            return null;
        }
        switch (e.getErrorCode()) {
            case MSSQL_DEADLOCK_VICTIM, H2_DEADLOCK:
                return Reason.DEADLOCK;
            case MSSQL_LOCK_TIMEOUT, H2_LOCK_TIMEOUT: // H2 reports it with SQLState HYT00 too: code first
                return Reason.LOCK_TIMEOUT;
            default:
                break;
        }
        if (MSSQL_FAILOVER.contains(e.getErrorCode())) {
            return Reason.FAILOVER;
        }
        if (isConnectionLoss(error)) {
            return Reason.CONNECTION_LOST;
        }
        if (e instanceof SQLTimeoutException || "HYT00".equals(e.getSQLState())
                || e.getErrorCode() == H2_STATEMENT_CANCELED) {
            return Reason.QUERY_TIMEOUT;
        }
        if (e.getErrorCode() == BABELFISH_UNMAPPED) {
            // Babelfish reports these PostgreSQL errors under one generic number, with PostgreSQL's text.
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("lock timeout")) {
                return Reason.LOCK_TIMEOUT;
            } else if (message.contains("deadlock detected")) {
                return Reason.DEADLOCK;
            } else if (message.contains("statement timeout")) {
                return Reason.QUERY_TIMEOUT;
            }
        }
        return null;
    }

    /**
     * The connection broke, was closed under the call, or could not be opened: SQLState class 08 (mssql-jdbc's
     * 08S01 "connection reset", 08006 and 08003 "the connection is closed", pools' 08001), a driver's transient or
     * recoverable connection exception, H2's connection codes. Anywhere in the cause chain, since pools and jOOQ
     * wrap the driver's exception.
     */
    public static boolean isConnectionLoss(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if ((state != null && state.startsWith("08")) || H2_CONNECTION_LOST.contains(s.getErrorCode())
                            || s instanceof SQLTransientConnectionException || s instanceof SQLRecoverableException
                            || "The connection is closed.".equals(s.getMessage())) {
                        return true;
                    }
                    if (s.getNextException() == s) {
                        break;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The first SQLException in {@code error}'s cause chain, or {@code error} itself when there is none. */
    public static Throwable rootSqlException(Throwable error) {
        SQLException e = sqlException(error);
        return e != null ? e : error;
    }

    private static SQLException sqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }

    /**
     * What leaves the library for {@code error}: a typed error as it is; a database failure as
     * {@link TransientDatabaseException} when retrying may help, otherwise as {@link DatabaseException}, both with a
     * scrubbed cause; anything else (a bug) unchanged.
     */
    public static RuntimeException translate(RuntimeException error) {
        if (error instanceof FcnPersistenceException) {
            return error;
        }
        SQLException sql = sqlException(error);
        if (sql == null && !(error instanceof DataAccessException)) {
            return error;
        }
        Throwable source = sql != null ? sql : error;
        Reason reason = transientReason(source);
        if (reason != null) {
            return new TransientDatabaseException(reason, ScrubbedSqlException.of(source));
        }
        String state = sql != null ? sql.getSQLState() : null;
        int code = sql != null ? sql.getErrorCode() : 0;
        return new DatabaseException(describe(sql, state, code), state, code, ScrubbedSqlException.of(source));
    }

    private static final Pattern CONSTRAINT = Pattern.compile("(?i)\\b((?:pk|uq|ux|ix|fk|ck|df)_[a-z0-9_]+)");

    /** Error number, SQLState and, if the message names one, the library's constraint: never the message itself. */
    private static String describe(SQLException sql, String state, int code) {
        StringBuilder text = new StringBuilder("Database error ").append(code)
                .append(" (SQLState ").append(state == null ? "none" : state).append(')');
        if (sql != null && sql.getMessage() != null) {
            Matcher m = CONSTRAINT.matcher(sql.getMessage());
            if (m.find()) {
                text.append(" on constraint ").append(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return text.append("; the driver's message is withheld, the cause keeps its class, state and stack trace")
                .toString();
    }

    /** Turns transient failures into {@link TransientDatabaseException}, which callers may retry. */
    public static final class TranslatingListener extends DefaultExecuteListener {
        private static final long serialVersionUID = 1L;

        @Override
        public void exception(ExecuteContext ctx) {
            Throwable cause = ctx.sqlException() != null ? ctx.sqlException() : ctx.exception();
            Reason reason = transientReason(cause);
            if (reason != null) {
                ctx.exception(new TransientDatabaseException(reason, ScrubbedSqlException.of(cause)));
            }
        }
    }
}
