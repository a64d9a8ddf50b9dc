package io.fcn.persistence.drift;

import io.fcn.persistence.exceptions.FcnPersistenceException;
import io.fcn.persistence.drift.DriftReport;

/** A database does not match the expected schema or migration history under the policy in force. */
public class SchemaDriftException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final transient DriftReport report;

    /**
     * A drift failure; the message is the text report.
     * @param report the report the policy failed
     */
    public SchemaDriftException(DriftReport report) {
        super(report.toText());
        this.report = report;
    }

    /**
     * The whole report, failures and warnings.
     * @return the report
     */
    public DriftReport report() {
        return report;
    }
}
