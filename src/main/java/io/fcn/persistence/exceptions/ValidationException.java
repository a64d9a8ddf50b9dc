package io.fcn.persistence.exceptions;

/** Input broke a rule; raised before any SQL runs. Names the field and the rule. */
public final class ValidationException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /** The input field that broke the rule. */
    private final String field;
    /** The rule it broke. */
    private final String rule;

    /**
     * Input that broke a rule.
     * @param field the input field, e.g. {@code "notional"}
     * @param rule the rule it broke, e.g. {@code "must be positive"}
     */
    public ValidationException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** {@return the input field that broke the rule, e.g. {@code "notional"}} */
    public String field() {
        return field;
    }

    /** {@return the rule it broke} */
    public String rule() {
        return rule;
    }
}
