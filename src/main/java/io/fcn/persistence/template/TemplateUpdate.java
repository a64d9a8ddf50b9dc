package io.fcn.persistence.template;

import java.util.Optional;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.validation.Validate;

/**
 * What {@link TemplateRepository#update} changes: the name, the parameters, or both; validated when built. Build it
 * by name: {@code TemplateUpdate.name("…")}, {@code TemplateUpdate.parameters("{…}")}, or for both
 * {@code TemplateUpdate.builder().name("…").parameters("{…}").build()}.
 */
public record TemplateUpdate(Optional<String> name, Optional<String> parameters) {

    /**
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

    /** Changes the name only. */
    public static TemplateUpdate name(String name) {
        return new TemplateUpdate(Optional.of(Validate.notNull("name", name)), Optional.empty());
    }

    /** Changes the parameters only (JSON text). */
    public static TemplateUpdate parameters(String parameters) {
        return new TemplateUpdate(Optional.empty(), Optional.of(Validate.notNull("parameters", parameters)));
    }

    /**
     * Changes both.
     *
     * @deprecated two strings in a row: use {@code builder().name(…).parameters(…).build()}. Removed in the next
     *             release.
     */
    @Deprecated(since = "0.1.0")
    public static TemplateUpdate nameAndParameters(String name, String parameters) {
        return new TemplateUpdate(Optional.of(Validate.notNull("name", name)),
                Optional.of(Validate.notNull("parameters", parameters)));
    }

    /** Collects what changes by name; {@link Builder#build()} validates it (at least one change). */
    public static Builder builder() {
        return new Builder();
    }

    /** The changes of a {@link TemplateUpdate} by name; a field not set is left as it is. */
    public static final class Builder {
        private String name;
        private String parameters;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = Validate.notNull("name", name);
            return this;
        }

        /** JSON text: an object or an array. */
        public Builder parameters(String parameters) {
            this.parameters = Validate.notNull("parameters", parameters);
            return this;
        }

        /** @throws ValidationException nothing changes, or a change breaks its rule */
        public TemplateUpdate build() {
            return new TemplateUpdate(Optional.ofNullable(name), Optional.ofNullable(parameters));
        }
    }
}
