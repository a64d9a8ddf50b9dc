package io.fcn.persistence.template;

import java.util.Optional;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.validation.Validate;

/** What {@link TemplateRepository#update} changes: the name, the parameters, or both; validated when built. */
public record TemplateUpdate(Optional<String> name, Optional<String> parameters) {

    /**
     * An update, validated.
     * @param name the new name, or empty to keep it
     * @param parameters the new parameters (JSON), or empty to keep them
     * @throws ValidationException when nothing changes, or a new value breaks its rule
     */
    public TemplateUpdate {
        Validate.notNull("name", name);
        Validate.notNull("parameters", parameters);
        if (name.isEmpty() && parameters.isEmpty()) {
            throw new ValidationException("update", "must change the name, the parameters or both");
        }
        name.ifPresent(n -> Validate.text("name", n, NewTemplate.NAME_MAX));
        parameters.ifPresent(p -> Validate.json("parameters", p));
    }

    /**
     * A new name only.
     * @param name the new name, at most 255 characters
     * @return the update
     */
    public static TemplateUpdate name(String name) {
        return new TemplateUpdate(Optional.of(Validate.notNull("name", name)), Optional.empty());
    }

    /**
     * New parameters only.
     * @param parameters the new parameters, JSON
     * @return the update
     */
    public static TemplateUpdate parameters(String parameters) {
        return new TemplateUpdate(Optional.empty(), Optional.of(Validate.notNull("parameters", parameters)));
    }

    /**
     * A new name and new parameters.
     * @param name the new name, at most 255 characters
     * @param parameters the new parameters, JSON
     * @return the update
     */
    public static TemplateUpdate nameAndParameters(String name, String parameters) {
        return new TemplateUpdate(Optional.of(Validate.notNull("name", name)),
                Optional.of(Validate.notNull("parameters", parameters)));
    }
}
