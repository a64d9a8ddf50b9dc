package io.fcn.persistence.internal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.DefaultModel;

/**
 * One engine's part of reading a catalog: the SQL of its queries and what its rows show. {@link CatalogReader}
 * runs them, in this order, and assembles the tables; what an engine cannot show comes back null (unknown). Each
 * query takes the schema name for every {@code ?} and returns {@code table_name}; the key and foreign-key queries
 * also return the columns {@link TableAssembler} reads.
 */
interface EngineCatalog {

    /** Where the model was read, as the model names it ("H2 catalog" …). */
    String source();

    /** {@code table_name} of each base table of the schema. */
    String tablesSql();

    /** One row per column, in column order per table. */
    String columnsSql();

    /** One row per column of each PRIMARY KEY and UNIQUE constraint, in key order. */
    String keysSql();

    /** One row per column of each foreign key, in key order. */
    String foreignKeysSql();

    /** One row per column of each index that is not a key's. */
    String indexesSql();

    String checksSql();

    /** The DEFAULT constraints; null where {@link #columnDefault} reads them with the columns. */
    String defaultsSql();

    ColumnModel column(ResultSet rs) throws SQLException;

    /** The default of a {@link #columnsSql} row, where the engine shows it there; null otherwise. */
    DefaultModel columnDefault(ResultSet rs) throws SQLException;

    /** Whether a {@link #keysSql} row is of the primary key (else of a unique key). */
    boolean primaryKey(ResultSet rs) throws SQLException;

    IndexColumn indexColumn(ResultSet rs) throws SQLException;

    CheckModel check(ResultSet rs) throws SQLException;

    /** A {@link #defaultsSql} row. */
    DefaultModel defaultConstraint(ResultSet rs) throws SQLException;

    /**
     * One column of an index row, as {@link TableAssembler#addIndexColumn} takes it: {@code filter} null where the
     * engine cannot show filters, {@code included} null where it cannot tell included columns apart.
     */
    record IndexColumn(String table, String index, Boolean unique, Optional<String> filter, String column,
            Boolean included) {
    }
}
