package io.fcn.persistence.internal.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.TypeFamily;

/**
 * What {@link CatalogReader} asks SQL Server's catalog views ({@code sys.tables}, {@code sys.columns},
 * {@code sys.types}, {@code sys.key_constraints}, {@code sys.indexes}/{@code sys.index_columns},
 * {@code sys.foreign_keys}/{@code sys.foreign_key_columns}, {@code sys.check_constraints},
 * {@code sys.default_constraints}), and how their rows read. SQL Server shows everything the model holds; Babelfish,
 * which speaks T-SQL, shows less. Every difference is here: what it shows in {@link Shows}, its index names in
 * {@link BabelfishNames}; what it cannot show is left unknown (not checkable), never read as drift.
 */
final class SqlServerCatalog implements EngineCatalog {

    private static final String TABLES = """
            SELECT t.name AS table_name
            FROM sys.tables t
            WHERE t.schema_id = SCHEMA_ID(?) AND t.is_ms_shipped = 0""";

    /** Alias types (e.g. sysname) are read as their base type; max_length is in bytes, -1 for MAX. */
    private static final String COLUMNS = """
            SELECT t.name AS table_name, c.name AS column_name,
                   CASE WHEN ty.is_user_defined = 1 AND ty.is_assembly_type = 0
                        THEN TYPE_NAME(ty.system_type_id) ELSE ty.name END AS type_name,
                   c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity
            FROM sys.columns c
            JOIN sys.tables t ON t.object_id = c.object_id
            JOIN sys.types ty ON ty.user_type_id = c.user_type_id
            WHERE t.schema_id = SCHEMA_ID(?)
            ORDER BY t.name, c.column_id""";

    /**
     * The index behind a PRIMARY KEY or UNIQUE constraint carries the constraint's name, on SQL Server and on
     * Babelfish alike; it is joined by that name because Babelfish's {@code unique_index_id} is not an index id.
     */
    private static final String KEYS = """
            SELECT t.name AS table_name, kc.name AS constraint_name, kc.type AS constraint_type,
                   c.name AS column_name
            FROM sys.key_constraints kc
            JOIN sys.tables t ON t.object_id = kc.parent_object_id
            JOIN sys.indexes i ON i.object_id = kc.parent_object_id AND i.name = kc.name
             AND (i.is_primary_key = 1 OR i.is_unique_constraint = 1)
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE t.schema_id = SCHEMA_ID(?) AND ic.key_ordinal > 0
            ORDER BY t.name, kc.name, ic.key_ordinal""";

    private static final String FOREIGN_KEYS = """
            SELECT t.name AS table_name, fk.name AS constraint_name, pc.name AS column_name,
                   rt.name AS referenced_table, rc.name AS referenced_column
            FROM sys.foreign_keys fk
            JOIN sys.tables t ON t.object_id = fk.parent_object_id
            JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
            JOIN sys.tables rt ON rt.object_id = fkc.referenced_object_id
            JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
            WHERE t.schema_id = SCHEMA_ID(?)
            ORDER BY t.name, fk.name, fkc.constraint_column_id""";

    /**
     * Indexes other than those implementing PRIMARY KEY and UNIQUE constraints (those are keys); no heaps
     * (type 0) and no hypothetical indexes. Key columns in key order, then included columns.
     */
    private static final String INDEXES = """
            SELECT t.name AS table_name, i.name AS index_name, i.is_unique, i.has_filter, i.filter_definition,
                   c.name AS column_name, ic.is_included_column
            FROM sys.indexes i
            JOIN sys.tables t ON t.object_id = i.object_id
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE t.schema_id = SCHEMA_ID(?) AND i.type > 0 AND i.is_hypothetical = 0
              AND i.is_primary_key = 0 AND i.is_unique_constraint = 0
              AND (ic.key_ordinal > 0 OR ic.is_included_column = 1)
            ORDER BY t.name, i.name, ic.is_included_column, ic.key_ordinal, c.name""";

    private static final String CHECKS = """
            SELECT t.name AS table_name, cc.name AS constraint_name, cc.definition
            FROM sys.check_constraints cc
            JOIN sys.tables t ON t.object_id = cc.parent_object_id
            WHERE t.schema_id = SCHEMA_ID(?)""";

    private static final String DEFAULTS = """
            SELECT t.name AS table_name, c.name AS column_name, dc.name AS constraint_name, dc.definition
            FROM sys.default_constraints dc
            JOIN sys.tables t ON t.object_id = dc.parent_object_id
            JOIN sys.columns c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id
            WHERE t.schema_id = SCHEMA_ID(?)""";

    /** NULL on SQL Server, which does not know the property; 1 on Babelfish. */
    private static final String IS_BABELFISH = "SELECT CAST(SERVERPROPERTY('babelfish') AS int) AS babelfish";

    /**
     * What the connected engine's catalog shows as it was declared. The one place where engines that speak T-SQL
     * differ for this reader; every property an engine cannot show is read as unknown.
     *
     * @param defaultNames           DEFAULT constraint names (Babelfish drops inline ones and shows its own)
     * @param fractionalSecondsScale the declared digits of DATETIMEOFFSET, DATETIME2 and TIME (Babelfish keeps at
     *                               most 6 and shows 6 for a declared 7)
     * @param indexFilters           index filters (Babelfish's {@code has_filter} is always 0)
     * @param declaredIndexNames     index names as declared (Babelfish shows {@link BabelfishNames internal ones},
     *                               which are mapped back to the names the reader knows)
     * @param viewDefinitionGrant    whether {@code HAS_PERMS_BY_NAME} answers for VIEW DEFINITION (Babelfish has
     *                               no such permission and answers 0 for every login, owners included)
     */
    record Shows(boolean defaultNames, boolean fractionalSecondsScale, boolean indexFilters,
            boolean declaredIndexNames, boolean viewDefinitionGrant) {

        static final Shows SQL_SERVER = new Shows(true, true, true, true, true);
        /**
         * Babelfish does show N-ness, uniqueness, included columns and key names. It shows no index as clustered
         * either, which does not matter here: the model holds no clustering.
         */
        static final Shows BABELFISH = new Shows(false, false, false, false, false);

        static Shows of(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(IS_BABELFISH)) {
                return rs.next() && rs.getInt("babelfish") == 1 ? BABELFISH : SQL_SERVER;
            }
        }
    }

    private final Shows shows;
    private final BabelfishNames babelfishNames;

    private SqlServerCatalog(Shows shows, BabelfishNames babelfishNames) {
        this.shows = shows;
        this.babelfishNames = babelfishNames;
    }

    /** The catalog of the engine behind {@code connection}; {@code babelfishNames} maps Babelfish's index names. */
    static SqlServerCatalog on(Connection connection, BabelfishNames babelfishNames) throws SQLException {
        return new SqlServerCatalog(Shows.of(connection), babelfishNames);
    }

    @Override
    public String source() {
        return shows == Shows.SQL_SERVER ? "SQL Server catalog" : "Babelfish catalog";
    }

    @Override
    public Queries queries() {
        return new Queries(TABLES, COLUMNS, KEYS, FOREIGN_KEYS, INDEXES, CHECKS, DEFAULTS);
    }

    @Override
    public ColumnModel column(ResultSet rs) throws SQLException {
        return new ColumnModel(rs.getString("column_name"), type(rs, shows), rs.getBoolean("is_nullable"),
                rs.getBoolean("is_identity"));
    }

    /** None: defaults are DEFAULT constraints here ({@link #defaultsSql}). */
    @Override
    public DefaultModel columnDefault(ResultSet rs) {
        return null;
    }

    @Override
    public boolean primaryKey(ResultSet rs) throws SQLException {
        return "PK".equals(rs.getString("constraint_type").strip());
    }

    @Override
    public IndexColumn indexColumn(ResultSet rs) throws SQLException {
        String table = rs.getString("table_name");
        String index = rs.getString("index_name");
        return new IndexColumn(table,
                shows.declaredIndexNames() ? index : babelfishNames.declaredIndexName(index, table),
                rs.getBoolean("is_unique"), filter(rs, shows), rs.getString("column_name"),
                rs.getBoolean("is_included_column"));
    }

    @Override
    public CheckModel check(ResultSet rs) throws SQLException {
        return new CheckModel(rs.getString("constraint_name"), rs.getString("definition"));
    }

    @Override
    public DefaultModel defaultConstraint(ResultSet rs) throws SQLException {
        return new DefaultModel(rs.getString("column_name"),
                shows.defaultNames() ? rs.getString("constraint_name") : null,
                rs.getString("definition"));
    }

    /** Empty for an unfiltered index; null (unknown) where the engine cannot show filters. */
    private static Optional<String> filter(ResultSet rs, Shows shows) throws SQLException {
        if (!shows.indexFilters()) {
            return null;
        }
        return rs.getBoolean("has_filter") ? Optional.ofNullable(rs.getString("filter_definition"))
                : Optional.empty();
    }

    private static ColumnType type(ResultSet rs, Shows shows) throws SQLException {
        String typeName = rs.getString("type_name");
        TypeMapping.Mapped mapped = TypeMapping.fromCatalog(EngineFamily.SQL_SERVER, typeName);
        int bytes = rs.getInt("max_length");
        Length length = mapped.family().size() != TypeFamily.Size.LENGTH ? null
                : bytes == -1 ? Length.MAX
                : Length.of(mapped.family().isNational() ? bytes / 2 : bytes);
        boolean scaleShown = shows.fractionalSecondsScale()
                || mapped.family().size() != TypeFamily.Size.FRACTIONAL_SECONDS;
        return TypeMapping.columnType(mapped, typeName, length, rs.getInt("precision"),
                scaleShown ? rs.getInt("scale") : null);
    }
}
