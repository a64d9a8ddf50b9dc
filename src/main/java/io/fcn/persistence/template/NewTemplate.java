package io.fcn.persistence.template;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.TemplateStatus;

/**
 * A template to create, validated when built: {@code template_id} a business key (at most 100 printable ASCII
 * characters, no leading or trailing space), {@code spec_version} the same with at most 20, {@code issuer} at most
 * 100 ASCII characters, {@code name} at most 255 characters, {@code parameters} a JSON object or array, and the
 * status {@code draft} or {@code active}. Build it by name:
 *
 * <pre>{@code
 * NewTemplate template = NewTemplate.builder().templateId("TPL-1").name("FCN 12M").specVersion("1.0")
 *         .issuer("Bank A").parameters("{\"tenor_months\": 12}").active().build();
 * }</pre>
 */
public record NewTemplate(String templateId, String name, String specVersion, String issuer, String parameters,
        TemplateStatus status) {

    static final int TEMPLATE_ID_MAX = 100;
    static final int SPEC_VERSION_MAX = 20;
    static final int ISSUER_MAX = 100;
    static final int NAME_MAX = 255;

    /**
     * @deprecated five strings in a row are easy to swap unnoticed: use {@link #builder()}. Removed in the next
     *             release.
     */
    @Deprecated(since = "0.1.0")
    public NewTemplate {
        Validate.businessKey("template_id", templateId, TEMPLATE_ID_MAX);
        Validate.text("name", name, NAME_MAX);
        Validate.businessKey("spec_version", specVersion, SPEC_VERSION_MAX);
        Validate.asciiText("issuer", issuer, ISSUER_MAX);
        Validate.json("parameters", parameters);
        Validate.notNull("status", status);
        if (status == TemplateStatus.DEPRECATED) {
            throw new ValidationException("status", "must be draft or active for a new template");
        }
    }

    /** Collects the fields by name; {@link Builder#build()} validates them. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A template to prepare before trades may use it ({@link TemplateRepository#activate} later).
     *
     * @deprecated five strings in a row: use {@code builder()…draft().build()}. Removed in the next release.
     */
    @Deprecated(since = "0.1.0")
    public static NewTemplate draft(String templateId, String name, String specVersion, String issuer,
            String parameters) {
        return new NewTemplate(templateId, name, specVersion, issuer, parameters, TemplateStatus.DRAFT);
    }

    /**
     * A template trades may be booked against at once.
     *
     * @deprecated five strings in a row: use {@code builder()…active().build()}. Removed in the next release.
     */
    @Deprecated(since = "0.1.0")
    public static NewTemplate active(String templateId, String name, String specVersion, String issuer,
            String parameters) {
        return new NewTemplate(templateId, name, specVersion, issuer, parameters, TemplateStatus.ACTIVE);
    }

    /** The fields of a {@link NewTemplate} by name; the status must be chosen ({@link #draft()}, {@link #active()}). */
    public static final class Builder {
        private String templateId;
        private String name;
        private String specVersion;
        private String issuer;
        private String parameters;
        private TemplateStatus status;

        private Builder() {
        }

        public Builder templateId(String templateId) {
            this.templateId = templateId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder specVersion(String specVersion) {
            this.specVersion = specVersion;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** JSON text: an object or an array. */
        public Builder parameters(String parameters) {
            this.parameters = parameters;
            return this;
        }

        /** {@code draft} or {@code active}. */
        public Builder status(TemplateStatus status) {
            this.status = status;
            return this;
        }

        /** Status {@code draft}: prepared, not yet usable by trades. */
        public Builder draft() {
            return status(TemplateStatus.DRAFT);
        }

        /** Status {@code active}: trades may be booked against it at once. */
        public Builder active() {
            return status(TemplateStatus.ACTIVE);
        }

        /** @throws ValidationException a field breaks its rule (named as its column) */
        public NewTemplate build() {
            return new NewTemplate(templateId, name, specVersion, issuer, parameters, status);
        }
    }
}
