package io.fcn.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * The engine a catalog test runs on, told apart by the test itself, not by the reader under test, with what each
 * shows of the schema: the oracle's side of "only what the engine can show is asserted".
 */
enum Engine {
    H2,
    SQL_SERVER,
    /** Babelfish for PostgreSQL, speaking SQL Server's protocol. */
    BABELFISH;

    static Engine of(Database database) {
        if (database.family() == EngineFamily.H2) {
            return H2;
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(SERVERPROPERTY('babelfish') AS int)")) {
            return rs.next() && rs.getInt(1) == 1 ? BABELFISH : SQL_SERVER;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the engine apart", e);
        }
    }

    /** NVARCHAR from VARCHAR, NCHAR from CHAR: H2 stores each pair as one type. */
    boolean showsNationalTypes() {
        return this != H2;
    }

    /** H2 has no names for defaults; Babelfish names inline defaults itself. */
    boolean showsDefaultNames() {
        return this == SQL_SERVER;
    }

    /** Babelfish keeps at most 6 fractional-second digits and shows 6 for a declared 7. */
    boolean showsFractionalSecondsScale() {
        return this != BABELFISH;
    }

    boolean showsIncludedColumns() {
        return this != H2;
    }

    /** H2 has no filtered indexes; Babelfish's sys.indexes says has_filter = 0 for every index. */
    boolean showsIndexFilters() {
        return this == SQL_SERVER;
    }
}
