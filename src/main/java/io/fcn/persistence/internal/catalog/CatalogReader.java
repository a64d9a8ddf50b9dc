package io.fcn.persistence.internal.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import javax.sql.DataSource;


import io.fcn.persistence.internal.engine.DriverText;
import io.fcn.persistence.internal.engine.LibrarySchema;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableFilter;

/**
 * Reads the library's schema from a live catalog: the one reading loop, over the queries and rows of one engine's
 * {@link EngineCatalog} ({@link H2Catalog}; {@link SqlServerCatalog} for SQL Server and Babelfish).
 */
public final class CatalogReader {

    @FunctionalInterface
    private interface EngineOf {
        EngineCatalog on(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final TableFilter filter;
    private final String engineName;
    private final EngineOf engine;

    private CatalogReader(DataSource dataSource, TableFilter filter, String engineName, EngineOf engine) {
        this.dataSource = dataSource;
        this.filter = filter;
        this.engineName = engineName;
        this.engine = engine;
    }

    /** H2 2.x's {@code INFORMATION_SCHEMA}. */
    public static CatalogReader h2(DataSource dataSource, TableFilter filter) {
        return new CatalogReader(dataSource, filter, "H2", c -> H2Catalog.INSTANCE);
    }

    /**
     * SQL Server's catalog views, or Babelfish's; {@code knownIndexNames}: the index names to recognise where the
     * engine shows internal ones.
     */
    public static CatalogReader sqlServer(DataSource dataSource, TableFilter filter,
            Collection<String> knownIndexNames) {
        BabelfishNames babelfishNames = new BabelfishNames(knownIndexNames);
        return new CatalogReader(dataSource, filter, "SQL Server", c -> SqlServerCatalog.on(c, babelfishNames));
    }

    public SchemaModel read() {
        try (Connection c = dataSource.getConnection()) {
            return read(c, engine.on(c));
        } catch (SQLException e) {
            throw DriverText.dataAccess("Cannot read the " + engineName + " catalog", e);
        }
    }

    private SchemaModel read(Connection c, EngineCatalog engine) throws SQLException {
        String schema = LibrarySchema.SCHEMA;
        TableAssembler tables = new TableAssembler(true, true);
        EngineCatalog.Queries q = engine.queries();
        CatalogQuery.forEach(c, q.tables(), schema, rs -> {
            if (filter.test(rs.getString("table_name"))) {
                tables.addTable(rs.getString("table_name"));
            }
        });
        CatalogQuery.forEach(c, q.columns(), schema, rs -> {
            String table = rs.getString("table_name");
            tables.addColumn(table, engine.column(rs));
            DefaultModel defaultValue = engine.columnDefault(rs);
            if (defaultValue != null) {
                tables.addDefault(table, defaultValue);
            }
        });
        CatalogQuery.forEach(c, q.keys(), schema, rs -> tables.addKeyRow(rs, engine.primaryKey(rs)));
        CatalogQuery.forEach(c, q.foreignKeys(), schema, tables::addForeignKeyRow);
        CatalogQuery.forEach(c, q.indexes(), schema, rs -> {
            EngineCatalog.IndexColumn i = engine.indexColumn(rs);
            tables.addIndexColumn(i.table(), i.index(), i.unique(), i.filter(), i.column(), i.included());
        });
        CatalogQuery.forEach(c, q.checks(), schema,
                rs -> tables.addCheck(rs.getString("table_name"), engine.check(rs)));
        if (q.defaults() != null) {
            CatalogQuery.forEach(c, q.defaults(), schema,
                    rs -> tables.addDefault(rs.getString("table_name"), engine.defaultConstraint(rs)));
        }
        return new SchemaModel(engine.source(), tables.tables());
    }
}
