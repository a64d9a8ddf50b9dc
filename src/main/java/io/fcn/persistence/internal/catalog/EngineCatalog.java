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

    /** The engine's catalog queries. */
    Queries queries();

    /**
     * The SQL of the catalog queries, run in this order. Each takes the schema name for every {@code ?} and returns
     * {@code table_name}.
     *
     * @param tables      {@code table_name} of each base table of the schema
     * @param columns     one row per column, in column order per table
     * @param keys        one row per column of each PRIMARY KEY and UNIQUE constraint, in key order
     * @param foreignKeys one row per column of each foreign key, in key order
     * @param indexes     one row per column of each index that is not a key's
     * @param checks      one row per CHECK constraint
     * @param defaults    the DEFAULT constraints; null where {@link #columnDefault} reads them with the columns
     */
    record Queries(String tables, String columns, String keys, String foreignKeys, String indexes, String checks,
            String defaults) {
    }

    ColumnModel column(ResultSet rs) throws SQLException;

    /** The default of a {@link Queries#columns} row, where the engine shows it there; null otherwise. */
    DefaultModel columnDefault(ResultSet rs) throws SQLException;

    /** Whether a {@link Queries#keys} row is of the primary key (else of a unique key). */
    boolean primaryKey(ResultSet rs) throws SQLException;

    IndexColumn indexColumn(ResultSet rs) throws SQLException;

    CheckModel check(ResultSet rs) throws SQLException;

    /** A {@link Queries#defaults} row. */
    DefaultModel defaultConstraint(ResultSet rs) throws SQLException;

    /**
     * One column of an index row, as {@link TableAssembler#addIndexColumn} takes it: {@code filter} null where the
     * engine cannot show filters, {@code included} null where it cannot tell included columns apart.
     */
    record IndexColumn(String table, String index, Boolean unique, Optional<String> filter, String column,
            Boolean included) {
    }
}
