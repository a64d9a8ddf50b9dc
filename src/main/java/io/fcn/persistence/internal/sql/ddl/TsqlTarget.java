package io.fcn.persistence.internal.sql.ddl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;


import io.fcn.persistence.internal.engine.DriverText;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * The engine a rendered script will run on. SQL Server's script uses its in-place forms; an engine without them gets
 * the data-preserving equivalents V20251101_0002 already uses, never a weaker SQL Server script.
 */
public enum TsqlTarget {
    /** SQL Server: {@code ALTER COLUMN} in place, {@code sp_rename} of constraints and indexes. */
    SQL_SERVER("SQL Server", true, true, true),
    /**
     * Babelfish (T-SQL on PostgreSQL): no {@code ALTER COLUMN … [NOT] NULL}, no renaming of constraints, no declared
     * index names (an index is dropped and created under its new name).
     */
    BABELFISH("Babelfish", false, false, false),
    /**
     * A migration file, which every engine runs (DEVELOPERS.md: portable T-SQL only): Babelfish's forms, except
     * that an index keeps its {@code sp_rename}, which the embedded translation and SQL Server run.
     */
    PORTABLE("every engine (portable T-SQL)", false, false, true),
    /** The embedded engine, through the embedded translation: columns alter in place, constraints do not rename. */
    EMBEDDED("embedded H2 (through the embedded translation)", true, false, true);

    private final String label;
    private final boolean altersColumns;
    private final boolean renamesConstraints;
    private final boolean renamesIndexes;

    TsqlTarget(String label, boolean altersColumns, boolean renamesConstraints, boolean renamesIndexes) {
        this.label = label;
        this.altersColumns = altersColumns;
        this.renamesConstraints = renamesConstraints;
        this.renamesIndexes = renamesIndexes;
    }

    public String label() {
        return label;
    }

    /** {@code ALTER TABLE … ALTER COLUMN} changes type and nullability in place. */
    public boolean altersColumns() {
        return altersColumns;
    }

    /** {@code EXEC sp_rename 'dbo.pk_x', 'pk_y', 'OBJECT'} works (and is not for files jOOQ's parser reads). */
    public boolean renamesConstraints() {
        return renamesConstraints;
    }

    public boolean renamesIndexes() {
        return renamesIndexes;
    }

    /** The target of the database behind {@code dataSource}: Babelfish says so in {@code SERVERPROPERTY}. */
    public static TsqlTarget of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (EngineFamily.of(c) == EngineFamily.H2) {
                return EMBEDDED;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT CAST(SERVERPROPERTY('babelfish') AS INT)")) {
                return rs.next() && rs.getInt(1) == 1 ? BABELFISH : SQL_SERVER;
            }
        } catch (SQLException e) {
            throw DriverText.dataAccess("Cannot find the database engine", e);
        }
    }
}
