package io.fcn.persistence.template;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.TemplateStatus;

/**
 * A template to create, validated when built: {@code template_id} a business key (at most 100 printable ASCII
 * characters, no leading or trailing space), {@code spec_version} the same with at most 20, {@code issuer} at most
 * 100 ASCII characters, {@code name} at most 255 characters, {@code parameters} a JSON object or array, and the
 * status {@code draft} or {@code active}.
 */
public record NewTemplate(String templateId, String name, String specVersion, String issuer, String parameters,
        TemplateStatus status) {

    static final int TEMPLATE_ID_MAX = 100;
    static final int SPEC_VERSION_MAX = 20;
    static final int ISSUER_MAX = 100;
    static final int NAME_MAX = 255;

    /**
     * A template to create, validated.
     * @param templateId the business key
     * @param name the display name
     * @param specVersion the product specification version
     * @param issuer the issuing bank
     * @param parameters the template's parameters, JSON
     * @param status draft or active
     * @throws ValidationException naming the first field that breaks its rule
     */
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

    /**
     * A template to prepare before trades may use it ({@link TemplateRepository#activate} later).
     * @param templateId the business key
     * @param name the display name
     * @param specVersion the product specification version
     * @param issuer the issuing bank
     * @param parameters the template's parameters, JSON
     * @return the template to create
     * @throws ValidationException naming the first field that breaks its rule
     */
    public static NewTemplate draft(String templateId, String name, String specVersion, String issuer,
            String parameters) {
        return new NewTemplate(templateId, name, specVersion, issuer, parameters, TemplateStatus.DRAFT);
    }

    /**
     * A template trades may be booked against at once.
     * @param templateId the business key
     * @param name the display name
     * @param specVersion the product specification version
     * @param issuer the issuing bank
     * @param parameters the template's parameters, JSON
     * @return the template to create
     * @throws ValidationException naming the first field that breaks its rule
     */
    public static NewTemplate active(String templateId, String name, String specVersion, String issuer,
            String parameters) {
        return new NewTemplate(templateId, name, specVersion, issuer, parameters, TemplateStatus.ACTIVE);
    }
}
