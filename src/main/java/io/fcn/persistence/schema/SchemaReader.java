package io.fcn.persistence.schema;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.catalog.CatalogReader;
import io.fcn.persistence.internal.snapshot.GeneratedSchema;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableFilter;

/**
 * Reads a {@link SchemaModel}: from the generated classes, or from a live database's catalog by the reader of its
 * engine family.
 */
public interface SchemaReader {

    /**
     * Reads the schema.
     * @return the model
     */
    SchemaModel read();

    /**
     * The schema the generated jOOQ classes describe.
     * @return the reader
     */
    static SchemaReader generated() {
        return GeneratedSchema::read;
    }

    /**
     * The live schema of the library's tables ({@link TableFilter#library()}) in {@code dataSource}.
     * @param dataSource the database
     * @return the reader
     */
    static SchemaReader live(DataSource dataSource) {
        return live(dataSource, TableFilter.library());
    }

    /**
     * The live schema of the tables {@code filter} accepts, read by the reader of the database's engine.
     * @param dataSource the database
     * @param filter which tables
     * @return the reader
     */
    static SchemaReader live(DataSource dataSource, TableFilter filter) {
        return live(dataSource, filter, List.of());
    }

    /**
     * As {@link #live(DataSource, TableFilter)}; {@code moreIndexNames} are index names, besides those of the
     * generated classes, to recognise on an engine that shows indexes under internal names (Babelfish). An index
     * whose name is known to neither is reported under the name the engine shows.
     * @param dataSource the database
     * @param filter which tables
     * @param moreIndexNames further index names to recognise
     * @return the reader
     */
    static SchemaReader live(DataSource dataSource, TableFilter filter, Collection<String> moreIndexNames) {
        Set<String> known = new TreeSet<>(GeneratedSchema.indexNames());
        known.addAll(moreIndexNames);
        return forEngine(EngineFamily.of(dataSource), dataSource, filter, known);
    }

    /**
     * The catalog reader of {@code family}; {@code knownIndexNames} as for {@link #live}.
     * @param family the engine family
     * @param dataSource the database
     * @param filter which tables
     * @param knownIndexNames index names to recognise
     * @return the reader
     */
    static SchemaReader forEngine(EngineFamily family, DataSource dataSource, TableFilter filter,
            Collection<String> knownIndexNames) {
        return switch (family) {
            case H2 -> CatalogReader.h2(dataSource, filter)::read;
            case SQL_SERVER -> CatalogReader.sqlServer(dataSource, filter, knownIndexNames)::read;
        };
    }
}
