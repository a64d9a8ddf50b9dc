package io.fcn.persistence.lint;

import java.util.Arrays;
import java.util.Optional;

import io.fcn.persistence.lint.LintFinding.Severity;

/**
 * The rules of {@link MigrationLint}, each with a stable code (docs/lint.md explains every one). Statement rules can
 * be allowed ({@code -- fcn:allow <code> <reason>}, or {@code db/lint-allow.txt} for released migrations); the rules
 * about files and about the escape itself cannot.
 */
public enum LintCode {
    /** Dropping an existing table. */
    DROP_TABLE("FCN101", Severity.ERROR, true,
            "Write a rollback-safe sequence: stop using the table, release, then drop it in a later migration "
                    + "with an allow naming the release that stopped using it."),
    /** Dropping a column of an existing table. */
    DROP_COLUMN("FCN102", Severity.ERROR, true,
            "Expand and contract: stop reading and writing the column in one release, drop it in a later "
                    + "migration with an allow naming that release."),
    /** Narrowing a column's type (length, precision, scale, fractional seconds, national to not). */
    NARROWED_TYPE("FCN103", Severity.ERROR, true,
            "Add a column of the new type, backfill it in batches, switch the code, drop the old column later "
                    + "(docs/lint.md, expand/contract)."),
    /** Changing a column's type family (VARCHAR to INT, INT to BIGINT, …). */
    TYPE_FAMILY_CHANGED("FCN104", Severity.ERROR, true,
            "Add a column of the new type, backfill it in batches, switch the code, drop the old column later "
                    + "(docs/lint.md, expand/contract)."),
    /** Adding a NOT NULL column without a default to an existing table. */
    NOT_NULL_WITHOUT_DEFAULT("FCN111", Severity.ERROR, true,
            "Add the column NULL (or NOT NULL with a named default, CONSTRAINT df_<table>_<column> DEFAULT …)."),
    /** Making an existing column NOT NULL. */
    NULL_TO_NOT_NULL("FCN112", Severity.ERROR, true,
            "Keep the column NULL and enforce the rule with a CHECK added -- fcn:nocheck, or backfill and "
                    + "switch to a new NOT NULL column with a default."),
    /** A new CHECK on an existing table, not marked {@code -- fcn:nocheck}. */
    CHECK_ON_EXISTING_TABLE("FCN121", Severity.WARNING, true,
            "Mark the statement -- fcn:nocheck on the line before: added WITH NOCHECK, validated by a later "
                    + "statement."),
    /** A new FOREIGN KEY on an existing table, not marked {@code -- fcn:nocheck}. */
    FOREIGN_KEY_ON_EXISTING_TABLE("FCN122", Severity.WARNING, true,
            "Mark the statement -- fcn:nocheck on the line before: added WITH NOCHECK, validated by a later "
                    + "statement."),
    /** {@code CREATE INDEX} on an existing table, not marked {@code -- fcn:online}. */
    INDEX_NOT_ONLINE("FCN131", Severity.WARNING, true,
            "Mark the statement -- fcn:online on the line before: built ONLINE where the edition allows it."),
    /** Renaming a column, table or index ({@code sp_rename}, {@code RENAME}). */
    RENAME("FCN141", Severity.ERROR, true,
            "Add the new name beside the old one (a new column, table or index), move readers and writers, "
                    + "drop the old name in a later migration."),
    /** A statement using a column added earlier in the same batch (no {@code GO} between). */
    COLUMN_ADDED_IN_SAME_BATCH("FCN151", Severity.ERROR, true,
            "End the batch with GO after the statement that adds the column."),
    /** An unnamed constraint or default. */
    UNNAMED("FCN161", Severity.ERROR, true,
            "Name it: CONSTRAINT pk_/uq_/fk_/ck_/df_<table>_<columns>, or CREATE INDEX ix_/ux_<table>_<columns>."),
    /** A constraint or index name without the project's prefix. */
    NAME_PREFIX("FCN162", Severity.ERROR, true,
            "Use the project's prefix: pk_ primary key, uq_ unique constraint, ux_ filtered unique index, ix_ "
                    + "other index, fk_ foreign key, ck_ check, df_ default."),
    /** A migration with no rollback and no {@code -- fcn:irreversible <reason>} first line. */
    NO_ROLLBACK("FCN171", Severity.ERROR, false,
            "Add db/rollback/U<version>__<description>.sql, or make the first line "
                    + "-- fcn:irreversible <reason>."),
    /** A rollback script that does not parse. */
    ROLLBACK_UNPARSEABLE("FCN172", Severity.ERROR, false,
            "Write the rollback in the T-SQL the migrations use (DEVELOPERS.md, Migrations)."),
    /** A rollback script without a migration of the same name. */
    ROLLBACK_WITHOUT_MIGRATION("FCN173", Severity.ERROR, false,
            "Name the rollback U<version>__<description>.sql after its migration V<version>__<description>.sql."),
    /**
     * A rollback script after which the schema is not the one before its migration (the snapshot interpretation of
     * the migrations up to the version before, against that of the migrations up to the version, then the rollback).
     */
    ROLLBACK_DOES_NOT_REVERSE("FCN174", Severity.ERROR, false,
            "Make the rollback undo every change of its migration, in reverse order: drop what it added, restore "
                    + "what it dropped or changed."),
    /** {@code -- fcn:allow} without a code or without a reason. */
    ALLOW_WITHOUT_REASON("FCN181", Severity.ERROR, false,
            "Write -- fcn:allow <code> <reason>, the reason saying why the statement is safe here."),
    /** {@code -- fcn:allow} naming a code that does not fire on its statement, or cannot be allowed. */
    ALLOW_DOES_NOT_FIRE("FCN182", Severity.ERROR, false,
            "Remove the allow, or put it on the statement where that code fires."),
    /** An entry of {@code lint-allow.txt} that is malformed or matches no finding (stale). */
    ALLOW_FILE_ENTRY("FCN183", Severity.ERROR, false,
            "Each line of lint-allow.txt is <version> | <code> | <statement's first line> | <reason>, and "
                    + "matches a finding; remove entries that match none."),
    /** A marker on a statement it does not apply to, an unknown {@code -- fcn:} word, or one on no statement. */
    MISPLACED_MARKER("FCN184", Severity.ERROR, false,
            "Use -- fcn:online on CREATE INDEX, -- fcn:nocheck on ADD CONSTRAINT … CHECK/FOREIGN KEY, "
                    + "-- fcn:allow on any statement, -- fcn:irreversible on the first line only."),
    /** A statement lint cannot analyse; the finding gives the reason. */
    NOT_ANALYSED("FCN190", Severity.WARNING, true,
            "Review the statement by hand; write it in the T-SQL jOOQ's parser reads if it can be.");

    private final String code;
    private final Severity severity;
    private final boolean allowable;
    private final String fix;

    LintCode(String code, Severity severity, boolean allowable, String fix) {
        this.code = code;
        this.severity = severity;
        this.allowable = allowable;
        this.fix = fix;
    }

    /** {@return the stable code, e.g. {@code FCN102}} */
    public String code() {
        return code;
    }

    /** {@return the severity of its findings} */
    public Severity severity() {
        return severity;
    }

    /** {@return whether {@code -- fcn:allow} (or the allow file) can silence it} */
    public boolean allowable() {
        return allowable;
    }

    /** {@return the safe way, in one sentence} */
    public String fix() {
        return fix;
    }

    /**
     * The rule with a code.
     * @param code a code such as {@code FCN102}, any case
     * @return the rule, or empty when no rule has that code
     */
    public static Optional<LintCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equalsIgnoreCase(code)).findFirst();
    }
}
