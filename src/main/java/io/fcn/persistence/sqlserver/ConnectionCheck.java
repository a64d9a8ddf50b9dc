package io.fcn.persistence.sqlserver;

import java.util.Objects;
import java.util.Optional;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * What {@link SqlServerSettings#check} saw on a live connection.
 *
 * @param family             the engine
 * @param stringsAsUnicode   whether plain string parameters reach the server as NVARCHAR (mssql-jdbc's default,
 *                           {@code sendStringParametersAsUnicode=true}); always false on H2, which has no such setting
 */
public record ConnectionCheck(EngineFamily family, boolean stringsAsUnicode) {

    /**
     * What was seen.
     * @param family the engine
     * @param stringsAsUnicode whether plain strings go as NVARCHAR
     */
    public ConnectionCheck {
        Objects.requireNonNull(family, "family");
    }

    /**
     * Whether the connection follows {@link SqlServerSettings#recommended()} (H2: nothing to follow).
     * @return true unless strings go as Unicode
     */
    public boolean followsRecommendedSettings() {
        return !stringsAsUnicode;
    }

    /**
     * The one-line warning for a connection that does not follow the recommended settings; no URL, no secrets.
     * @return the warning, or empty when the settings are followed
     */
    public Optional<String> warning() {
        if (followsRecommendedSettings()) {
            return Optional.empty();
        }
        return Optional.of("fcn-persistence: this SQL Server connection sends string parameters as Unicode (NVARCHAR),"
                + " so lookups by the VARCHAR business keys scan their index instead of seeking it; add "
                + SqlServerSettings.SEND_STRING_PARAMETERS_AS_UNICODE + "=false to the JDBC URL"
                + " (SqlServerSettings.applyTo; docs/sql-server.md)");
    }
}
