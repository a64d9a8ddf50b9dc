package io.fcn.persistence.internal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.TypeFamily;

/**
 * What {@link CatalogReader} asks H2 2.x's {@code INFORMATION_SCHEMA} (the embedded engine, MSSQLServer mode), and
 * how its rows read. What H2 cannot show is left unknown: N-ness of character types, DEFAULT constraint names, index
 * filters and included columns. Indexes H2 creates for constraints ({@code IS_GENERATED}) are not indexes of the
 * schema and are skipped.
 */
final class H2Catalog implements EngineCatalog {

    /** H2's largest character length: what {@code NVARCHAR(MAX)} becomes. */
    private static final long H2_MAX_LENGTH = 1_000_000_000L;

    private static final String TABLES = """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = ? AND table_type = 'BASE TABLE'""";

    private static final String COLUMNS = """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   datetime_precision, is_nullable, is_identity, column_default
            FROM information_schema.columns
            WHERE table_schema = ?
            ORDER BY table_name, ordinal_position""";

    private static final String KEYS = """
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, k.column_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage k
              ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
            WHERE tc.table_schema = ? AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
            ORDER BY tc.table_name, tc.constraint_name, k.ordinal_position""";

    private static final String FOREIGN_KEYS = """
            SELECT k.table_name, rc.constraint_name, k.column_name,
                   u.table_name AS referenced_table, u.column_name AS referenced_column
            FROM information_schema.referential_constraints rc
            JOIN information_schema.key_column_usage k
              ON k.constraint_schema = rc.constraint_schema AND k.constraint_name = rc.constraint_name
            JOIN information_schema.key_column_usage u
              ON u.constraint_schema = rc.unique_constraint_schema
             AND u.constraint_name = rc.unique_constraint_name
             AND u.ordinal_position = k.position_in_unique_constraint
            WHERE rc.constraint_schema = ?
            ORDER BY k.table_name, rc.constraint_name, k.ordinal_position""";

    private static final String INDEXES = """
            SELECT i.table_name, i.index_name, i.index_type_name, c.column_name
            FROM information_schema.indexes i
            JOIN information_schema.index_columns c
              ON c.index_schema = i.index_schema AND c.index_name = i.index_name AND c.table_name = i.table_name
            WHERE i.table_schema = ? AND i.is_generated = FALSE AND i.index_type_name <> 'PRIMARY KEY'
            ORDER BY i.table_name, i.index_name, c.ordinal_position""";

    private static final String CHECKS = """
            SELECT tc.table_name, tc.constraint_name, cc.check_clause
            FROM information_schema.table_constraints tc
            JOIN information_schema.check_constraints cc
              ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
            WHERE tc.table_schema = ? AND tc.constraint_type = 'CHECK'""";

    static final H2Catalog INSTANCE = new H2Catalog();

    private H2Catalog() {
    }

    @Override
    public String source() {
        return "H2 catalog";
    }

    /** No DEFAULT query: H2 shows a column's default with the column, and no DEFAULT constraint names. */
    @Override
    public Queries queries() {
        return new Queries(TABLES, COLUMNS, KEYS, FOREIGN_KEYS, INDEXES, CHECKS, null);
    }

    @Override
    public ColumnModel column(ResultSet rs) throws SQLException {
        return new ColumnModel(rs.getString("column_name"), type(rs), "YES".equals(rs.getString("is_nullable")),
                "YES".equals(rs.getString("is_identity")));
    }

    @Override
    public DefaultModel columnDefault(ResultSet rs) throws SQLException {
        String defaultValue = rs.getString("column_default");
        return defaultValue == null ? null : new DefaultModel(rs.getString("column_name"), null, defaultValue);
    }

    @Override
    public boolean primaryKey(ResultSet rs) throws SQLException {
        return "PRIMARY KEY".equals(rs.getString("constraint_type"));
    }

    /** No filters and no included columns: H2 has neither. */
    @Override
    public IndexColumn indexColumn(ResultSet rs) throws SQLException {
        return new IndexColumn(rs.getString("table_name"), rs.getString("index_name"),
                "UNIQUE INDEX".equals(rs.getString("index_type_name")), null, rs.getString("column_name"), null);
    }

    @Override
    public CheckModel check(ResultSet rs) throws SQLException {
        return new CheckModel(rs.getString("constraint_name"), rs.getString("check_clause"));
    }

    @Override
    public DefaultModel defaultConstraint(ResultSet rs) {
        throw new UnsupportedOperationException("H2 reads defaults with the columns");
    }

    private static ColumnType type(ResultSet rs) throws SQLException {
        String typeName = rs.getString("data_type");
        TypeMapping.Mapped mapped = TypeMapping.fromCatalog(EngineFamily.H2, typeName);
        Long maxLength = rs.getObject("character_maximum_length", Long.class);
        Length length = maxLength == null ? null
                : maxLength >= H2_MAX_LENGTH ? Length.MAX : Length.of(Math.toIntExact(maxLength));
        Integer scale = mapped.family().size() == TypeFamily.Size.FRACTIONAL_SECONDS
                ? CatalogQuery.integer(rs, "datetime_precision")
                : CatalogQuery.integer(rs, "numeric_scale");
        return TypeMapping.columnType(mapped, typeName, length, CatalogQuery.integer(rs, "numeric_precision"), scale);
    }
}
