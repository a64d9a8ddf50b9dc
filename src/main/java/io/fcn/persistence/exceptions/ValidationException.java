package io.fcn.persistence.exceptions;

/** Input broke a rule; raised before any SQL runs. Names the field and the rule. */
public final class ValidationException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public ValidationException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
