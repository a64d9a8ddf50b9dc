package io.fcn.persistence.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.DuplicateKeyException;
import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.InvalidStateTransitionException;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.OptimisticLockException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.support.GoldenSql;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.types.TemplateStatus;

@AllEngines
class TemplateRepositoryTest {

    private static final String PARAMS = "{\"tenor_months\":12,\"note\":\"ราคา\"}";

    private static NewTemplate draft(String id) {
        return NewTemplate.draft(id, "FCN " + id, "1.0", "Bank A", PARAMS);
    }

    private static NewTemplate active(String id, String spec) {
        return NewTemplate.active(id, "FCN " + id, spec, "Bank A", PARAMS);
    }

    private static OffsetDateTime at(FcnTestClock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // --- create / get ---------------------------------------------------------------------------------------------

    @Test
    void createsADraftAndReadsItBack(FcnPersistence db, FcnTestClock clock) {
        Template created = db.templates().create(draft("TPL-1"));

        assertEquals(TemplateStatus.DRAFT, created.status());
        assertEquals(0, created.version());
        assertEquals(at(clock), created.createdAt());
        assertEquals(at(clock), created.updatedAt());
        assertEquals(Optional.empty(), created.deprecation());
        assertEquals(created, db.templates().get("TPL-1"));
        assertEquals(PARAMS, db.templates().get("TPL-1").parameters(), "Thai text in NVARCHAR round-trips");
    }

    @Test
    void createsAnActiveTemplate(FcnPersistence db) {
        db.templates().create(active("TPL-1", "2.0"));
        Template read = db.templates().get("TPL-1");
        assertEquals(TemplateStatus.ACTIVE, read.status());
        assertEquals("2.0", read.specVersion());
    }

    @Test
    void aDuplicateIdIsRejectedEvenInAnotherCase(FcnPersistence db) {
        db.templates().create(draft("TPL-1"));
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class,
                () -> db.templates().create(draft("tpl-1")));
        assertEquals("template", e.entity());
        assertEquals("tpl-1", e.key());
        assertEquals(1, db.templates().list(TemplateFilter.all(), PageRequest.of(1, 10)).totalItems());
    }

    @Test
    void findsCaseInsensitivelyAndReportsMissingOnes(FcnPersistence db) {
        db.templates().create(draft("TPL-1"));
        assertEquals("TPL-1", db.templates().get("tpl-1").templateId());
        assertEquals(Optional.empty(), db.templates().find("TPL-2"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> db.templates().get("TPL-2"));
        assertEquals("template", e.entity());
        assertEquals("TPL-2", e.key());
    }

    @Test
    void badKeysFailBeforeAnySql(FcnPersistence db, TsqlGuardListener guard) {
        int before = guard.executed().size();
        assertEquals("template_id", assertThrows(ValidationException.class, () -> db.templates().find(" TPL")).field());
        assertEquals("template_id", assertThrows(ValidationException.class, () -> db.templates().get("")).field());
        assertEquals("template_id", assertThrows(ValidationException.class,
                () -> db.templates().activate("x".repeat(101))).field());
        assertEquals("version", assertThrows(ValidationException.class,
                () -> db.templates().update("TPL-1", -1, TemplateUpdate.name("n"))).field());
        assertEquals(before, guard.executed().size(), "no statement ran");
    }

    // --- list -----------------------------------------------------------------------------------------------------

    @Test
    void listsBySpecVersionStatusOrBothInCreationOrder(FcnPersistence db) {
        db.templates().create(active("A", "1.0"));
        db.templates().create(draft("B"));                    // 1.0 draft
        db.templates().create(active("C", "2.0"));
        db.templates().create(active("D", "1.0"));
        db.templates().deprecate("D", "replaced");            // 1.0 deprecated

        assertEquals(List.of("A", "B", "D"), ids(db, TemplateFilter.bySpecVersion("1.0")));
        assertEquals(List.of("A", "C"), ids(db, TemplateFilter.byStatus(TemplateStatus.ACTIVE)));
        assertEquals(List.of("A"), ids(db, TemplateFilter.bySpecVersionAndStatus("1.0", TemplateStatus.ACTIVE)));
        assertEquals(List.of("D"), ids(db, TemplateFilter.bySpecVersionAndStatus("1.0", TemplateStatus.DEPRECATED)));
        assertEquals(List.of(), ids(db, TemplateFilter.bySpecVersion("3.0")));
        assertEquals(List.of("A", "B", "C", "D"), ids(db, TemplateFilter.all()));
    }

    @Test
    void listsPageByKeysetAndByNumber(FcnPersistence db) {
        for (int i = 1; i <= 5; i++) {
            db.templates().create(active("T" + i, "1.0"));
        }
        TemplateFilter filter = TemplateFilter.byStatus(TemplateStatus.ACTIVE);

        KeysetPage<Template> first = db.templates().list(filter, KeysetRequest.first(2));
        KeysetPage<Template> second = db.templates().list(filter, KeysetRequest.after(first.nextCursor().get(), 2));
        KeysetPage<Template> third = db.templates().list(filter, KeysetRequest.after(second.nextCursor().get(), 2));
        assertEquals(List.of("T1", "T2"), first.items().stream().map(Template::templateId).toList());
        assertEquals(List.of("T3", "T4"), second.items().stream().map(Template::templateId).toList());
        assertEquals(List.of("T5"), third.items().stream().map(Template::templateId).toList());
        assertFalse(third.hasNext());

        Page<Template> page2 = db.templates().list(filter, PageRequest.of(2, 2));
        assertEquals(List.of("T3", "T4"), page2.items().stream().map(Template::templateId).toList());
        assertEquals(5, page2.totalItems());
        assertEquals(3, page2.totalPages());
        assertTrue(page2.hasNext());
    }

    private static List<String> ids(FcnPersistence db, TemplateFilter filter) {
        List<String> keyset = db.templates().list(filter, KeysetRequest.first(100)).items().stream()
                .map(Template::templateId).toList();
        List<String> numbered = db.templates().list(filter, PageRequest.of(1, 100)).items().stream()
                .map(Template::templateId).toList();
        assertEquals(keyset, numbered, "both kinds of page show the same order");
        return keyset;
    }

    // --- update ---------------------------------------------------------------------------------------------------

    @Test
    void updatesNameAndParametersWithTheVersionReadAndBumpsIt(FcnPersistence db, FcnTestClock clock) {
        Template created = db.templates().create(draft("TPL-1"));
        clock.advance(Duration.ofMinutes(5));

        Template renamed = db.templates().update("TPL-1", 0, TemplateUpdate.name("Renamed"));
        assertEquals("Renamed", renamed.name());
        assertEquals(PARAMS, renamed.parameters());
        assertEquals(1, renamed.version());
        assertEquals(at(clock), renamed.updatedAt());
        assertEquals(created.createdAt(), renamed.createdAt());

        Template both = db.templates().update("tpl-1", 1, TemplateUpdate.nameAndParameters("N2", "[1,2]"));
        assertEquals("N2", both.name());
        assertEquals("[1,2]", both.parameters());
        assertEquals(2, both.version());
        assertEquals(both, db.templates().get("TPL-1"));

        Template params = db.templates().update("TPL-1", 2, TemplateUpdate.parameters("{}"));
        assertEquals("N2", params.name());
        assertEquals("{}", params.parameters());
    }

    @Test
    void aStaleVersionIsAnOptimisticLockConflictAndChangesNothing(FcnPersistence db) {
        db.templates().create(draft("TPL-1"));
        db.templates().update("TPL-1", 0, TemplateUpdate.name("First"));

        OptimisticLockException e = assertThrows(OptimisticLockException.class,
                () -> db.templates().update("TPL-1", 0, TemplateUpdate.name("Second")));
        assertEquals(0, e.expectedVersion());
        assertEquals("First", db.templates().get("TPL-1").name());
        assertEquals(1, db.templates().get("TPL-1").version());
    }

    @Test
    void updatingAMissingTemplateIsNotFound(FcnPersistence db) {
        assertThrows(NotFoundException.class, () -> db.templates().update("NOPE", 0, TemplateUpdate.name("x")));
    }

    @Test
    void theOptimisticUpdateIsPinned(FcnPersistence db, TsqlGuardListener guard) {
        db.templates().create(draft("TPL-1"));
        db.templates().update("TPL-1", 0, TemplateUpdate.nameAndParameters("N", "{}"));
        GoldenSql.assertExecuted(guard, "update \"fcn_template\" set \"fcn_template\".\"name\" = ?, "
                + "\"fcn_template\".\"parameters\" = ?, \"fcn_template\".\"updated_at\" = ?, "
                + "\"fcn_template\".\"version\" = (\"fcn_template\".\"version\" + ?) "
                + "where (\"fcn_template\".\"template_id\" = ? and \"fcn_template\".\"version\" = ?)");
    }

    // --- activate -------------------------------------------------------------------------------------------------

    @Test
    void activatesADraft(FcnPersistence db, FcnTestClock clock) {
        db.templates().create(draft("TPL-1"));
        clock.advance(Duration.ofSeconds(1));
        Template activated = db.templates().activate("TPL-1");
        assertEquals(TemplateStatus.ACTIVE, activated.status());
        assertEquals(1, activated.version());
        assertEquals(at(clock), activated.updatedAt());
    }

    @Test
    void activatingAnythingButADraftIsAnInvalidTransition(FcnPersistence db) {
        db.templates().create(active("TPL-1", "1.0"));
        InvalidStateTransitionException e = assertThrows(InvalidStateTransitionException.class,
                () -> db.templates().activate("TPL-1"));
        assertEquals("active", e.from());
        assertEquals("active", e.to());

        db.templates().deprecate("TPL-1", "gone");
        assertEquals("deprecated", assertThrows(InvalidStateTransitionException.class,
                () -> db.templates().activate("TPL-1")).from());
        assertEquals(1, db.templates().get("TPL-1").version(), "only the deprecation changed it");
    }

    @Test
    void activatingAMissingTemplateIsNotFound(FcnPersistence db) {
        assertThrows(NotFoundException.class, () -> db.templates().activate("NOPE"));
    }

    // --- deprecate ------------------------------------------------------------------------------------------------

    @Test
    void deprecatesADraftOrActiveTemplateWithAReason(FcnPersistence db, FcnTestClock clock) {
        db.templates().create(draft("D"));
        db.templates().create(active("A", "1.0"));
        clock.advance(Duration.ofHours(1));

        Template d = db.templates().deprecate("D", "never used");
        assertEquals(TemplateStatus.DEPRECATED, d.status());
        assertEquals(new Template.Deprecation(at(clock), "never used", Optional.empty()), d.deprecation().get());
        assertEquals(1, d.version());

        Template a = db.templates().deprecate("A", "withdrawn");
        assertEquals(TemplateStatus.DEPRECATED, a.status());
    }

    @Test
    void deprecationNamesAnActiveSuccessorInItsOwnSpelling(FcnPersistence db) {
        db.templates().create(active("OLD", "1.0"));
        db.templates().create(active("NEW-1", "2.0"));

        Template old = db.templates().deprecate("OLD", "superseded", "new-1");
        assertEquals(Optional.of("NEW-1"), old.deprecation().get().supersededBy());
        assertEquals(old, db.templates().get("OLD"));
    }

    @Test
    void theSuccessorMustExistBeActiveAndNotBeItself(FcnPersistence db, TsqlGuardListener guard) {
        db.templates().create(active("OLD", "1.0"));
        db.templates().create(draft("DRAFT"));

        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> db.templates().deprecate("OLD", "r", "NOPE"));
        assertEquals("NOPE", missing.key());
        ValidationException notActive = assertThrows(ValidationException.class,
                () -> db.templates().deprecate("OLD", "r", "DRAFT"));
        assertEquals("superseded_by", notActive.field());

        int before = guard.executed().size();
        ValidationException self = assertThrows(ValidationException.class,
                () -> db.templates().deprecate("OLD", "r", "old"));
        assertEquals("superseded_by", self.field());
        assertEquals(before, guard.executed().size(), "caught before any SQL");

        assertEquals(TemplateStatus.ACTIVE, db.templates().get("OLD").status());
        assertEquals(0, db.templates().get("OLD").version());
    }

    @Test
    void deprecationNeedsAReasonOfAtMost500Characters(FcnPersistence db) {
        db.templates().create(active("OLD", "1.0"));
        assertEquals("deprecation_reason",
                assertThrows(ValidationException.class, () -> db.templates().deprecate("OLD", " ")).field());
        assertEquals("deprecation_reason", assertThrows(ValidationException.class,
                () -> db.templates().deprecate("OLD", "x".repeat(501))).field());
        assertEquals("deprecation_reason",
                assertThrows(ValidationException.class, () -> db.templates().deprecate("OLD", null)).field());
        assertEquals("r".repeat(500), db.templates().deprecate("OLD", "r".repeat(500)).deprecation().get().reason());
    }

    @Test
    void deprecationIsFinalAndNeedsAnExistingTemplate(FcnPersistence db) {
        db.templates().create(active("OLD", "1.0"));
        db.templates().deprecate("OLD", "first");
        InvalidStateTransitionException e = assertThrows(InvalidStateTransitionException.class,
                () -> db.templates().deprecate("OLD", "again"));
        assertEquals("deprecated", e.from());
        assertEquals("first", db.templates().get("OLD").deprecation().get().reason());
        assertThrows(NotFoundException.class, () -> db.templates().deprecate("NOPE", "r"));
    }
}
