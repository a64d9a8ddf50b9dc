package io.fcn.persistence.drift;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;

/**
 * Decides which findings fail a check. By default errors fail and warnings are only reported; a rule for an object
 * type (optionally with a kind) overrides that for the findings it matches, the most specific rule first.
 * Immutable: each method returns a new policy.
 */
public final class DriftPolicy {

    private final Map<String, Boolean> rules;
    private final boolean warningsFail;
    private final boolean nothingFails;

    private DriftPolicy(Map<String, Boolean> rules, boolean warningsFail, boolean nothingFails) {
        this.rules = Map.copyOf(rules);
        this.warningsFail = warningsFail;
        this.nothingFails = nothingFails;
    }

    /** Errors fail, warnings are reported. */
    public static DriftPolicy defaults() {
        return new DriftPolicy(Map.of(), false, false);
    }

    /** Nothing fails: every finding is only reported (a start-up check that warns). */
    public static DriftPolicy reportOnly() {
        return new DriftPolicy(Map.of(), false, true);
    }

    /** Warnings fail too. */
    public DriftPolicy failOnWarnings() {
        return new DriftPolicy(rules, true, nothingFails);
    }

    /** Findings about {@code object} fail, whatever their severity. */
    public DriftPolicy failOn(ObjectType object) {
        return with(object, null, true);
    }

    /** Findings of {@code kind} about {@code object} fail (e.g. {@code INDEX, UNEXPECTED}). */
    public DriftPolicy failOn(ObjectType object, Kind kind) {
        return with(object, Objects.requireNonNull(kind, "kind"), true);
    }

    /** Findings about {@code object} are reported, never fail (e.g. {@code MIGRATION} during a rollout). */
    public DriftPolicy reportOnly(ObjectType object) {
        return with(object, null, false);
    }

    /** Findings of {@code kind} about {@code object} are reported, never fail. */
    public DriftPolicy reportOnly(ObjectType object, Kind kind) {
        return with(object, Objects.requireNonNull(kind, "kind"), false);
    }

    private DriftPolicy with(ObjectType object, Kind kind, boolean fails) {
        Map<String, Boolean> next = new HashMap<>(rules);
        next.put(key(Objects.requireNonNull(object, "object"), kind), fails);
        return new DriftPolicy(next, warningsFail, nothingFails);
    }

    private static String key(ObjectType object, Kind kind) {
        return object.name() + (kind == null ? "" : "/" + kind.name());
    }

    public boolean fails(Finding finding) {
        Boolean rule = rules.get(key(finding.object(), finding.kind()));
        if (rule == null) {
            rule = rules.get(key(finding.object(), null));
        }
        if (rule != null) {
            return rule;
        }
        if (nothingFails) {
            return false;
        }
        return finding.severity() == Severity.ERROR || warningsFail;
    }
}
