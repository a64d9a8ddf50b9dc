package io.fcn.persistence.template;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.jooq.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.support.StoredEnums;
import io.fcn.persistence.exceptions.DatabaseException;

/** The rules NewTemplate, TemplateUpdate and TemplateFilter enforce when built, before any SQL can run. */
class TemplateInputsTest {

    private static void rejects(String field, Executable build) {
        assertEquals(field, assertThrows(ValidationException.class, build).field());
    }

    private static NewTemplate template(String id, String name, String spec, String issuer, String params) {
        return NewTemplate.draft(id, name, spec, issuer, params);
    }

    @Test
    void acceptsValuesAtTheirLimits() {
        NewTemplate t = template("k".repeat(100), "ช".repeat(255), "s".repeat(20), "i".repeat(100), "[]");
        assertEquals(TemplateStatus.DRAFT, t.status());
        assertEquals(TemplateStatus.ACTIVE, NewTemplate.active("a", "n", "1", "i", "{}").status());
    }

    @Test
    void templateIdIsABusinessKey() {
        rejects("template_id", () -> template(null, "n", "1", "i", "{}"));
        rejects("template_id", () -> template("  ", "n", "1", "i", "{}"));
        rejects("template_id", () -> template("k".repeat(101), "n", "1", "i", "{}"));
        rejects("template_id", () -> template("tpl ", "n", "1", "i", "{}"));
        rejects("template_id", () -> template(" tpl", "n", "1", "i", "{}"));
        rejects("template_id", () -> template("tplé", "n", "1", "i", "{}"));
        rejects("template_id", () -> template("tpl\t1", "n", "1", "i", "{}"));
    }

    @Test
    void specVersionIssuerNameAndParametersHaveTheirRules() {
        rejects("spec_version", () -> template("t", "n", "s".repeat(21), "i", "{}"));
        rejects("spec_version", () -> template("t", "n", "1.0 ", "i", "{}"));
        rejects("spec_version", () -> template("t", "n", "", "i", "{}"));
        rejects("issuer", () -> template("t", "n", "1", "i".repeat(101), "{}"));
        rejects("issuer", () -> template("t", "n", "1", "ธนาคาร", "{}"));
        rejects("issuer", () -> template("t", "n", "1", null, "{}"));
        rejects("name", () -> template("t", "n".repeat(256), "1", "i", "{}"));
        rejects("name", () -> template("t", " ", "1", "i", "{}"));
        rejects("parameters", () -> template("t", "n", "1", "i", "{"));
        rejects("parameters", () -> template("t", "n", "1", "i", "{} {}"));
        rejects("parameters", () -> template("t", "n", "1", "i", "\"text\""));
        rejects("parameters", () -> template("t", "n", "1", "i", "12"));
        rejects("parameters", () -> template("t", "n", "1", "i", ""));
    }

    @Test
    void aNewTemplateIsDraftOrActive() {
        rejects("status", () -> new NewTemplate("t", "n", "1", "i", "{}", TemplateStatus.DEPRECATED));
        rejects("status", () -> new NewTemplate("t", "n", "1", "i", "{}", null));
    }

    @Test
    void anUpdateChangesSomethingValid() {
        assertEquals(Optional.of("n"), TemplateUpdate.name("n").name());
        assertEquals(Optional.empty(), TemplateUpdate.name("n").parameters());
        rejects("update", () -> new TemplateUpdate(Optional.empty(), Optional.empty()));
        rejects("name", () -> TemplateUpdate.name(""));
        rejects("name", () -> TemplateUpdate.name(null));
        rejects("parameters", () -> TemplateUpdate.parameters("nope"));
        rejects("parameters", () -> TemplateUpdate.nameAndParameters("n", "true"));
    }

    @Test
    void filtersValidateTheirValues() {
        rejects("spec_version", () -> TemplateFilter.bySpecVersion(" 1"));
        rejects("status", () -> TemplateFilter.byStatus(null));
        rejects("status", () -> TemplateFilter.bySpecVersionAndStatus("1", null));
    }

    @Test
    void statusesMapToTheirDatabaseValues() {
        Converter<String, TemplateStatus> column = StoredEnums.converter(FCN_TEMPLATE.STATUS);
        for (TemplateStatus s : TemplateStatus.values()) {
            assertEquals(s.name().toLowerCase(java.util.Locale.ROOT), s.getLiteral());
            assertEquals(s.getLiteral(), column.to(s));
            assertEquals(s, column.from(s.getLiteral()));
        }
        assertThrows(DatabaseException.class,
                () -> SqlErrors.known(column.from("DRAFT"), FCN_TEMPLATE.STATUS));
    }
}
