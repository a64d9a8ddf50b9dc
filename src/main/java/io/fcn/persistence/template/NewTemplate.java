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
 *
 * @param templateId  the template's business key
 * @param name        the template's display name
 * @param specVersion the product specification version trades must match
 * @param issuer      the issuing party
 * @param parameters  JSON text: an object or an array
 * @param status      {@code draft} or {@code active}
 */
public record NewTemplate(String templateId, String name, String specVersion, String issuer, String parameters,
        TemplateStatus status) {

    static final int TEMPLATE_ID_MAX = 100;
    static final int SPEC_VERSION_MAX = 20;
    static final int ISSUER_MAX = 100;
    static final int NAME_MAX = 255;

    /**
     * Validates the fields.
     *
     * @param templateId  the template's business key
     * @param name        the template's display name
     * @param specVersion the product specification version trades must match
     * @param issuer      the issuing party
     * @param parameters  JSON text: an object or an array
     * @param status      {@code draft} or {@code active}
     * @throws ValidationException a field breaks its rule (named as its column), or the status is {@code deprecated}
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

    /** {@return a builder that collects the fields by name; {@link Builder#build()} validates them} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A template to prepare before trades may use it ({@link TemplateRepository#activate} later).
     *
     * @param templateId  the template's business key
     * @param name        the template's display name
     * @param specVersion the product specification version trades must match
     * @param issuer      the issuing party
     * @param parameters  JSON text: an object or an array
     * @return the template, status {@code draft}
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
     * @param templateId  the template's business key
     * @param name        the template's display name
     * @param specVersion the product specification version trades must match
     * @param issuer      the issuing party
     * @param parameters  JSON text: an object or an array
     * @return the template, status {@code active}
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

        /**
         * The business key (at most 100 printable ASCII characters).
         * @param templateId the template's {@code template_id}
         * @return this builder
         */
        public Builder templateId(String templateId) {
            this.templateId = templateId;
            return this;
        }

        /**
         * The display name (at most 255 characters).
         * @param name the template's name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The specification version (a business key of at most 20 characters).
         * @param specVersion the template's {@code spec_version}
         * @return this builder
         */
        public Builder specVersion(String specVersion) {
            this.specVersion = specVersion;
            return this;
        }

        /**
         * The issuer (at most 100 ASCII characters).
         * @param issuer the template's issuer
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /**
         * The template's parameters.
         * @param parameters JSON text: an object or an array
         * @return this builder
         */
        public Builder parameters(String parameters) {
            this.parameters = parameters;
            return this;
        }

        /**
         * The status, {@code draft} or {@code active}.
         * @param status the new template's status
         * @return this builder
         */
        public Builder status(TemplateStatus status) {
            this.status = status;
            return this;
        }

        /** {@return this builder, status {@code draft}: prepared, not yet usable by trades} */
        public Builder draft() {
            return status(TemplateStatus.DRAFT);
        }

        /** {@return this builder, status {@code active}: trades may be booked against it at once} */
        public Builder active() {
            return status(TemplateStatus.ACTIVE);
        }

        /**
         * Validates the fields and builds the template.
         * @return the template
         * @throws ValidationException a field breaks its rule (named as its column)
         */
        public NewTemplate build() {
            return new NewTemplate(templateId, name, specVersion, issuer, parameters, status);
        }
    }
}
