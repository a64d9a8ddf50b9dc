package io.fcn.persistence.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;
import io.fcn.persistence.internal.engine.LibrarySchema;
import io.fcn.persistence.internal.scripts.FlywaySetup;
import io.fcn.persistence.internal.scripts.ScriptSet;

/**
 * Flyway's view of a database's migration history as findings: pending migrations (up to the checked version),
 * failed ones, applied ones whose file changed since (checksum), and applied versions this jar does not know
 * (the database is newer than the library). A database without any applied migration is one finding, not one per
 * migration: it is not under the library's Flyway yet (see docs/adopting-an-alembic-database.md).
 */
final class HistoryCheck {

    private HistoryCheck() {
    }

    static DriftReport run(DataSource dataSource, ScriptSet scripts, String version, String actualSource) {
        MigrationInfo[] all = FlywaySetup.configure(dataSource, scripts, true).target(version).load().info().all();
        String expectedSource = "migrations up to " + version;
        List<Finding> findings = new ArrayList<>();
        boolean anyApplied = false;
        List<String> pending = new ArrayList<>();
        for (MigrationInfo m : all) {
            if (!m.isVersioned()) {
                continue;
            }
            String path = "migration " + m.getVersion();
            MigrationState state = m.getState();
            anyApplied |= m.isApplied();
            switch (state) {
                // IGNORED: resolved, not applied, older than an applied one (skipped, out of order).
                case PENDING, OUTDATED, IGNORED -> pending.add(path);
                case FAILED, FUTURE_FAILED, MISSING_FAILED -> findings.add(new Finding(Severity.ERROR,
                        Kind.CHANGED, ObjectType.MIGRATION, path, "state", "success", "failed"));
                default -> {
                }
            }
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.MISSING_SUCCESS) {
                findings.add(new Finding(Severity.ERROR, Kind.UNEXPECTED, ObjectType.MIGRATION, path, null, null,
                        state == MigrationState.FUTURE_SUCCESS ? Finding.NEWER_THAN_JAR : "applied, unknown to this jar"));
            }
            if (state == MigrationState.SUCCESS && !m.isChecksumMatching()) {
                findings.add(new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.MIGRATION, path, "checksum",
                        String.valueOf(m.getResolvedChecksum()), String.valueOf(m.getAppliedChecksum())));
            }
        }
        if (!anyApplied) {
            findings.add(new Finding(Severity.ERROR, Kind.MISSING, ObjectType.MIGRATION,
                    "migration history", null, "migrations applied up to " + version,
                    "none applied (" + LibrarySchema.HISTORY_TABLE + " absent or empty)"));
        } else {
            pending.forEach(path -> findings.add(new Finding(Severity.ERROR, Kind.MISSING, ObjectType.MIGRATION,
                    path, null, "applied", "pending")));
        }
        return new DriftReport(expectedSource, actualSource, findings, new TreeMap<>());
    }
}
