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

    public TemplateBuilder withTemplateId(String templateId) {
        this.templateId = templateId;
        return this;
    }

    public TemplateBuilder withName(String name) {
        this.name = name;
        return this;
    }

    public TemplateBuilder withSpecVersion(String specVersion) {
        this.specVersion = specVersion;
        return this;
    }

    public TemplateBuilder withIssuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /** JSON object or array. */
    public TemplateBuilder withParameters(String parameters) {
        this.parameters = parameters;
        return this;
    }

    /** {@code draft} or {@code active} (the default); deprecate a created template through the repository. */
    public TemplateBuilder withStatus(TemplateStatus status) {
        this.status = status;
        return this;
    }

    public TemplateBuilder draft() {
        return withStatus(TemplateStatus.DRAFT);
    }

    /** The input, validated as the repository would. */
    public NewTemplate build() {
        return NewTemplate.builder().templateId(templateId).name(name).specVersion(specVersion).issuer(issuer)
                .parameters(parameters).status(status).build();
    }

    /** Creates it through {@code fcn.templates()}. */
    public Template create(FcnPersistence fcn) {
        return fcn.templates().create(build());
    }
}
