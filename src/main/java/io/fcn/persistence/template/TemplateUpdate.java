package io.fcn.persistence.template;

import java.util.Optional;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.validation.Validate;

/**
 * What {@link TemplateRepository#update} changes: the name, the parameters, or both; validated when built. Build it
 * by name: {@code TemplateUpdate.name("…")}, {@code TemplateUpdate.parameters("{…}")}, or for both
 * {@code TemplateUpdate.builder().name("…").parameters("{…}").build()}.
 *
 * @param name       the new name (at most 255 characters), or empty to keep it
 * @param parameters the new parameters (JSON text), or empty to keep them
 */
public record TemplateUpdate(Optional<String> name, Optional<String> parameters) {

    /**
     * Validates the changes.
     *
     * @param name       the new name, or empty to keep it
     * @param parameters the new parameters, or empty to keep them
     * @throws ValidationException nothing changes, or a change breaks its rule
     * @deprecated two optional strings in a row are easy to swap unnoticed: use {@link #name(String)},
     *             {@link #parameters(String)} or {@link #builder()}. Removed in the next release.
     */
    @Deprecated(since = "0.1.0")
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
     * Changes the name only.
     * @param name the new name (at most 255 characters)
     * @return the update
     * @throws ValidationException when the name breaks its rule
     */
    public static TemplateUpdate name(String name) {
        return new TemplateUpdate(Optional.of(Validate.notNull("name", name)), Optional.empty());
    }

    /**
     * Changes the parameters only.
     * @param parameters the new parameters, JSON text
     * @return the update
     * @throws ValidationException when the parameters are not JSON
     */
    public static TemplateUpdate parameters(String parameters) {
        return new TemplateUpdate(Optional.empty(), Optional.of(Validate.notNull("parameters", parameters)));
    }

    /**
     * Changes both.
     *
     * @param name the new name
     * @param parameters the new parameters, JSON text
     * @return the update
     *
     * @deprecated two strings in a row: use {@code builder().name(…).parameters(…).build()}. Removed in the next
     *             release.
     */
    @Deprecated(since = "0.1.0")
    public static TemplateUpdate nameAndParameters(String name, String parameters) {
        return new TemplateUpdate(Optional.of(Validate.notNull("name", name)),
                Optional.of(Validate.notNull("parameters", parameters)));
    }

    /**
     * {@return a builder that collects what changes by name; {@link Builder#build()} validates it (at least one
     * change)}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The changes of a {@link TemplateUpdate} by name; a field not set is left as it is. */
    public static final class Builder {
        private String name;
        private String parameters;

        private Builder() {
        }

        /**
         * Changes the name.
         * @param name the new name (at most 255 characters)
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Validate.notNull("name", name);
            return this;
        }

        /**
         * Changes the parameters.
         * @param parameters JSON text: an object or an array
         * @return this builder
         */
        public Builder parameters(String parameters) {
            this.parameters = Validate.notNull("parameters", parameters);
            return this;
        }

        /**
         * Validates the changes and builds the update.
         * @return the update
         * @throws ValidationException nothing changes, or a change breaks its rule
         */
        public TemplateUpdate build() {
            return new TemplateUpdate(Optional.ofNullable(name), Optional.ofNullable(parameters));
        }
    }
}
