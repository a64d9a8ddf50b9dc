package io.fcn.persistence.testkit;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.template.Template;
import io.fcn.persistence.types.TemplateStatus;

/** A valid {@link NewTemplate}, every field overridable; see {@link FcnTestData#aTemplate()}. */
public final class TemplateBuilder {

    private String templateId = FcnTestData.uniqueKey("TPL");
    private String name = "Worst-of 12M autocallable";
    private String specVersion = "1.0";
    private String issuer = "BANK-A";
    private String parameters = "{\"tenor_months\": 12}";
    private TemplateStatus status = TemplateStatus.ACTIVE;

    TemplateBuilder() {
    }

    /**
     * @param templateId the business key (default: a unique {@code TPL-T…})
     * @return this builder
     */
    public TemplateBuilder withTemplateId(String templateId) {
        this.templateId = templateId;
        return this;
    }

    /**
     * @param name the display name
     * @return this builder
     */
    public TemplateBuilder withName(String name) {
        this.name = name;
        return this;
    }

    /**
     * @param specVersion the spec version (default {@code 1.0})
     * @return this builder
     */
    public TemplateBuilder withSpecVersion(String specVersion) {
        this.specVersion = specVersion;
        return this;
    }

    /**
     * @param issuer the issuer (default {@code BANK-A})
     * @return this builder
     */
    public TemplateBuilder withIssuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /**
     * JSON object or array.
     * @param parameters the parameters
     * @return this builder
     */
    public TemplateBuilder withParameters(String parameters) {
        this.parameters = parameters;
        return this;
    }

    /**
     * {@code draft} or {@code active} (the default); deprecate a created template through the repository.
     * @param status the status
     * @return this builder
     */
    public TemplateBuilder withStatus(TemplateStatus status) {
        this.status = status;
        return this;
    }

    /**
     * A draft template.
     * @return this builder
     */
    public TemplateBuilder draft() {
        return withStatus(TemplateStatus.DRAFT);
    }

    /**
     * The input, validated as the repository would.
     * @return the template to create
     */
    public NewTemplate build() {
        return NewTemplate.builder().templateId(templateId).name(name).specVersion(specVersion).issuer(issuer)
                .parameters(parameters).status(status).build();
    }

    /**
     * Creates it through {@code fcn.templates()}.
     * @param fcn the entry point
     * @return the stored template
     */
    public Template create(FcnPersistence fcn) {
        return fcn.templates().create(build());
    }
}
