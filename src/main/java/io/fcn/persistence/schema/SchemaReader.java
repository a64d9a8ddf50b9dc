package io.fcn.persistence.schema;

import javax.sql.DataSource;

import io.fcn.persistence.engine.EngineFamily;

/**
 * Reads a {@link SchemaModel}: from the generated classes, or from a live database's catalog by the reader of its
 * engine family.
 */
public interface SchemaReader {

    SchemaModel read();

    /** The schema the generated jOOQ classes describe. */
    static SchemaReader generated() {
        return GeneratedSchema::read;
    }

    /** The live schema of the library's tables ({@link TableFilter#library()}) in {@code dataSource}. */
    static SchemaReader live(DataSource dataSource) {
        return live(dataSource, TableFilter.library());
    }

    /** The live schema of the tables {@code filter} accepts, read by the reader of the database's engine. */
    static SchemaReader live(DataSource dataSource, TableFilter filter) {
        return forEngine(EngineFamily.of(dataSource), dataSource, filter);
    }

    /** The catalog reader of {@code family}. */
    static SchemaReader forEngine(EngineFamily family, DataSource dataSource, TableFilter filter) {
        return switch (family) {
            case H2 -> new H2Catalog(dataSource, filter);
            case SQL_SERVER -> new SqlServerCatalog(dataSource, filter);
        };
    }
}
