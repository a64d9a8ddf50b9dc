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
    private final boolean newerTolerated;

    private DriftPolicy(Map<String, Boolean> rules, boolean warningsFail, boolean nothingFails) {
        this(rules, warningsFail, nothingFails, false);
    }

    private DriftPolicy(Map<String, Boolean> rules, boolean warningsFail, boolean nothingFails,
            boolean newerTolerated) {
        this.rules = Map.copyOf(rules);
        this.warningsFail = warningsFail;
        this.nothingFails = nothingFails;
        this.newerTolerated = newerTolerated;
    }

    /**
     * Errors fail, warnings are reported.
     * @return the default policy
     */
    public static DriftPolicy defaults() {
        return new DriftPolicy(Map.of(), false, false);
    }

    /**
     * Nothing fails: every finding is only reported (a start-up check that warns).
     * @return a policy that fails nothing
     */
    public static DriftPolicy reportOnly() {
        return new DriftPolicy(Map.of(), false, true);
    }

    /**
     * Warnings fail too.
     * @return a new policy; this one is unchanged
     */
    public DriftPolicy failOnWarnings() {
        return new DriftPolicy(rules, true, nothingFails, newerTolerated);
    }

    /**
     * Findings about {@code object} fail, whatever their severity.
     * @param object the object type
     * @return a new policy; this one is unchanged
     */
    public DriftPolicy failOn(ObjectType object) {
        return with(object, null, true);
    }

    /**
     * Findings of {@code kind} about {@code object} fail (e.g. {@code INDEX, UNEXPECTED}).
     * @param object the object type
     * @param kind the kind of finding
     * @return a new policy; this one is unchanged
     */
    public DriftPolicy failOn(ObjectType object, Kind kind) {
        return with(object, Objects.requireNonNull(kind, "kind"), true);
    }

    /**
     * Findings about {@code object} are reported, never fail (e.g. {@code MIGRATION} during a rollout).
     * @param object the object type
     * @return a new policy; this one is unchanged
     */
    public DriftPolicy reportOnly(ObjectType object) {
        return with(object, null, false);
    }

    /**
     * Findings of {@code kind} about {@code object} are reported, never fail.
     * @param object the object type
     * @param kind the kind of finding
     * @return a new policy; this one is unchanged
     */
    public DriftPolicy reportOnly(ObjectType object, Kind kind) {
        return with(object, Objects.requireNonNull(kind, "kind"), false);
    }

    /**
     * Migrations later than this jar's latest ({@link Finding#newerThanJar()}) are reported, never fail, whatever
     * other rule matches: the expand/contract way of a rolling deploy, where a newer instance migrated first.
     * @return a new policy; this one is unchanged
     */
    public DriftPolicy toleratingNewerDatabase() {
        return new DriftPolicy(rules, warningsFail, nothingFails, true);
    }

    private DriftPolicy with(ObjectType object, Kind kind, boolean fails) {
        Map<String, Boolean> next = new HashMap<>(rules);
        next.put(key(Objects.requireNonNull(object, "object"), kind), fails);
        return new DriftPolicy(next, warningsFail, nothingFails, newerTolerated);
    }

    private static String key(ObjectType object, Kind kind) {
        return object.name() + (kind == null ? "" : "/" + kind.name());
    }

    /**
     * Whether this policy counts {@code finding} as a failure.
     * @param finding a finding of a report
     * @return true if it fails the check
     */
    public boolean fails(Finding finding) {
        if (newerTolerated && finding.newerThanJar()) {
            return false;
        }
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
