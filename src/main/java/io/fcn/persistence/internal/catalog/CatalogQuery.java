package io.fcn.persistence.internal.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs one catalog query with the schema name as its only parameters, row by row. */
final class CatalogQuery {

    @FunctionalInterface
    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private CatalogQuery() {
    }

    /** Every {@code ?} in {@code sql} (which has no other question marks) is bound to {@code schema}. */
    static void forEach(Connection connection, String sql, String schema, Row row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            // Counted in the text: asking the driver for parameter metadata costs mssql-jdbc a round trip.
            long parameters = sql.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= parameters; i++) {
                ps.setString(i, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** A nullable integer column. */
    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
