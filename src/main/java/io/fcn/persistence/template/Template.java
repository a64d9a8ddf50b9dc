package io.fcn.persistence.template;

import java.time.OffsetDateTime;
import java.util.Optional;
import io.fcn.persistence.types.TemplateStatus;

/**
 * A product template as stored.
 *
 * @param templateId  business key, unique case-insensitively
 * @param name        the display name
 * @param specVersion the specification version trades must match
 * @param status      draft, active or deprecated
 * @param issuer      the issuing party
 * @param parameters  JSON object or array
 * @param deprecation present once the template is {@link TemplateStatus#DEPRECATED}
 * @param version     optimistic-lock version: 0 when created, +1 on every change; pass it back to
 *                    {@link TemplateRepository#update}
 * @param createdAt   when the template was created
 * @param updatedAt   when it last changed
 */
public record Template(String templateId, String name, String specVersion, TemplateStatus status, String issuer,
        String parameters, Optional<Deprecation> deprecation, int version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * Why and when a template was retired, and the active template that replaced it, if one was named.
     *
     * @param deprecatedAt when it was deprecated
     * @param reason       why
     * @param supersededBy the {@code template_id} of the template that replaced it, if one was named
     */
    public record Deprecation(OffsetDateTime deprecatedAt, String reason, Optional<String> supersededBy) {
    }
}
