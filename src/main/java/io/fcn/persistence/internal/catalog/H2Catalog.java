package io.fcn.persistence.internal.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jooq.exception.DataAccessException;

import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableFilter;
import io.fcn.persistence.schema.model.TypeFamily;
import io.fcn.persistence.internal.engine.LibrarySchema;

/**
 * Reads the schema from H2 2.x's {@code INFORMATION_SCHEMA} (the embedded engine, MSSQLServer mode). What H2 cannot
 * show is left unknown: N-ness of character types, DEFAULT constraint names, index filters and included columns.
 * Indexes H2 creates for constraints ({@code IS_GENERATED}) are not indexes of the schema and are skipped.
 */
public final class H2Catalog {

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

    private final DataSource dataSource;
    private final TableFilter filter;

    public H2Catalog(DataSource dataSource, TableFilter filter) {
        this.dataSource = dataSource;
        this.filter = filter;
    }

    public SchemaModel read() {
        try (Connection c = dataSource.getConnection()) {
            return read(c);
        } catch (SQLException e) {
            throw new DataAccessException("Cannot read the H2 catalog: " + e.getMessage(), e);
        }
    }

    private SchemaModel read(Connection c) throws SQLException {
        String schema = LibrarySchema.SCHEMA;
        TableAssembler tables = new TableAssembler(true, true);
        CatalogQuery.forEach(c, TABLES, schema, rs -> {
            if (filter.test(rs.getString("table_name"))) {
                tables.addTable(rs.getString("table_name"));
            }
        });
        CatalogQuery.forEach(c, COLUMNS, schema, rs -> {
            String table = rs.getString("table_name");
            String column = rs.getString("column_name");
            tables.addColumn(table, new ColumnModel(column, type(rs),
                    "YES".equals(rs.getString("is_nullable")), "YES".equals(rs.getString("is_identity"))));
            String defaultValue = rs.getString("column_default");
            if (defaultValue != null) {
                tables.addDefault(table, new DefaultModel(column, null, defaultValue));
            }
        });
        CatalogQuery.forEach(c, KEYS, schema, rs -> tables.addKeyRow(rs, "PRIMARY KEY".equals(rs.getString("constraint_type"))));
        CatalogQuery.forEach(c, FOREIGN_KEYS, schema, tables::addForeignKeyRow);
        CatalogQuery.forEach(c, INDEXES, schema, rs -> tables.addIndexColumn(rs.getString("table_name"),
                rs.getString("index_name"), "UNIQUE INDEX".equals(rs.getString("index_type_name")),
                null, rs.getString("column_name"), null));
        CatalogQuery.forEach(c, CHECKS, schema, rs -> tables.addCheck(rs.getString("table_name"),
                new CheckModel(rs.getString("constraint_name"), rs.getString("check_clause"))));
        return new SchemaModel("H2 catalog", tables.tables());
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
