package io.fcn.persistence.sqlserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * What {@link SqlServerSettings#check} saw on a live connection.
 *
 * @param family             the engine
 * @param stringsAsUnicode   whether plain string parameters reach the server as NVARCHAR (mssql-jdbc's default,
 *                           {@code sendStringParametersAsUnicode=true}); always false on H2, which has no such setting
 * @param statementPoolingOff whether mssql-jdbc's statement pooling is off (its default,
 *                           {@code disableStatementPooling=true}, or a cache size of 0), so that every call prepares
 *                           its statement again; always false on H2, which keeps prepared statements per session
 */
public record ConnectionCheck(EngineFamily family, boolean stringsAsUnicode, boolean statementPoolingOff) {

    /**
     * What was seen.
     * @param family the engine
     * @param stringsAsUnicode whether plain strings go as NVARCHAR
     * @param statementPoolingOff whether the driver prepares every statement again on each call
     */
    public ConnectionCheck {
        Objects.requireNonNull(family, "family");
    }

    /**
     * What was seen on a connection whose statement pooling is on, or that has none to turn on (H2).
     * @param family the engine
     * @param stringsAsUnicode whether plain strings go as NVARCHAR
     */
    public ConnectionCheck(EngineFamily family, boolean stringsAsUnicode) {
        this(family, stringsAsUnicode, false);
    }

    /**
     * Whether the connection follows {@link SqlServerSettings#recommended()} (H2: nothing to follow).
     * @return true unless strings go as Unicode or statement pooling is off
     */
    public boolean followsRecommendedSettings() {
        return !stringsAsUnicode && !statementPoolingOff;
    }

    /**
     * The one-line warning for a connection that does not follow the recommended settings; no URL, no secrets.
     * @return the warning, or empty when the settings are followed
     */
    public Optional<String> warning() {
        if (followsRecommendedSettings()) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        List<String> add = new ArrayList<>();
        if (stringsAsUnicode) {
            found.add("sends string parameters as Unicode (NVARCHAR), so lookups by the VARCHAR business keys scan"
                    + " their index instead of seeking it");
            add.add(SqlServerSettings.SEND_STRING_PARAMETERS_AS_UNICODE + "=false");
        }
        if (statementPoolingOff) {
            found.add("has statement pooling off, so every call prepares its statement again");
            add.add(SqlServerSettings.DISABLE_STATEMENT_POOLING + "=false;"
                    + SqlServerSettings.STATEMENT_POOLING_CACHE_SIZE_PROPERTY + "="
                    + SqlServerSettings.STATEMENT_POOLING_CACHE_SIZE);
        }
        return Optional.of("fcn-persistence: this SQL Server connection " + String.join(" and ", found) + "; add "
                + String.join(";", add) + " to the JDBC URL (SqlServerSettings.applyTo; docs/sql-server.md)");
    }
}
