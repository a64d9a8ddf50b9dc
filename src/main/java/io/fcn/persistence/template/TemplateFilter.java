package io.fcn.persistence.template;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.TemplateStatus;

/**
 * Which templates a list shows, always in creation (id) order. Each shape is served by an index: by spec_version
 * ({@code ix_fcn_template_spec_version_id}), by status ({@code ix_fcn_template_status_id}), by both
 * ({@code ix_fcn_template_spec_version_status}, whose key SQL Server ends with the clustered id), or all (the
 * clustered primary key).
 */
public final class TemplateFilter {

    private final Condition condition;
    private final String description;

    private TemplateFilter(Condition condition, String description) {
        this.condition = condition;
        this.description = description;
    }

    /** {@return every template} */
    public static TemplateFilter all() {
        return new TemplateFilter(DSL.noCondition(), "all");
    }

    /**
     * Templates of one spec version.
     * @param specVersion the spec version
     * @return the filter
     * @throws io.fcn.persistence.exceptions.ValidationException when the spec version is not a valid business key
     */
    public static TemplateFilter bySpecVersion(String specVersion) {
        Validate.businessKey("spec_version", specVersion, NewTemplate.SPEC_VERSION_MAX);
        return new TemplateFilter(FCN_TEMPLATE.SPEC_VERSION.eq(specVersion), "spec_version=" + specVersion);
    }

    /**
     * Templates in one status.
     * @param status the status
     * @return the filter
     */
    public static TemplateFilter byStatus(TemplateStatus status) {
        Validate.notNull("status", status);
        return new TemplateFilter(FCN_TEMPLATE.STATUS.eq(status), "status=" + status.getLiteral());
    }

    /**
     * Templates of one spec version in one status.
     * @param specVersion the spec version
     * @param status the status
     * @return the filter
     * @throws io.fcn.persistence.exceptions.ValidationException when the spec version is not a valid business key
     */
    public static TemplateFilter bySpecVersionAndStatus(String specVersion, TemplateStatus status) {
        Validate.businessKey("spec_version", specVersion, NewTemplate.SPEC_VERSION_MAX);
        Validate.notNull("status", status);
        return new TemplateFilter(
                FCN_TEMPLATE.SPEC_VERSION.eq(specVersion).and(FCN_TEMPLATE.STATUS.eq(status)),
                "spec_version=" + specVersion + ", status=" + status.getLiteral());
    }

    Condition condition() {
        return condition;
    }

    @Override
    public String toString() {
        return "TemplateFilter[" + description + "]";
    }
}
