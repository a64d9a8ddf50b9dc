package io.fcn.persistence.template;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.UpdateSetMoreStep;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import io.fcn.persistence.exceptions.DuplicateKeyException;
import io.fcn.persistence.internal.context.RepositoryContext;
import io.fcn.persistence.exceptions.InvalidStateTransitionException;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.OptimisticLockException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.paging.KeysetOrder;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.PageQueries;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.jooq.tables.FcnTemplate;
import io.fcn.persistence.jooq.tables.records.FcnTemplateRecord;
import io.fcn.persistence.internal.sql.ReusableSelect;
import io.fcn.persistence.internal.errors.ScrubbedSqlException;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.TemplateStatus;

/**
 * Templates: create, read, list, update with optimistic locking, activate, deprecate. Every change sets
 * {@code updated_at} from the entry point's clock and adds 1 to {@code version}. Methods that run several statements
 * run them in one transaction, joining the caller's {@link io.fcn.persistence.FcnPersistence#inTransaction} when there is one.
 */
public final class TemplateRepository {

    static final String ENTITY = "template";
    private static final int REASON_MAX = 500;
    private static final KeysetOrder<FcnTemplateRecord> ORDER = KeysetOrder.byId(FCN_TEMPLATE.ID);

    private final RepositoryContext db;
    private final ReusableSelect<FcnTemplateRecord> byTemplateId;

    /**
     * The repository over the entry point's context; take it from {@code FcnPersistence.templates()}.
     * @param db the entry point's jOOQ context, clock and transaction
     */
    public TemplateRepository(RepositoryContext db) {
        this.db = db;
        this.byTemplateId = byTemplateId(db.dsl());
    }

    /** The template by its business key (every booking reads it): rendered once. */
    static ReusableSelect<FcnTemplateRecord> byTemplateId(DSLContext dsl) {
        Param<String> templateId = DSL.param(FCN_TEMPLATE.TEMPLATE_ID);
        return ReusableSelect.of(dsl, FCN_TEMPLATE,
                dsl.selectFrom(FCN_TEMPLATE).where(FCN_TEMPLATE.TEMPLATE_ID.eq(templateId)), templateId);
    }

    /**
     * Creates a template (draft or active) at version 0.
     *
     * @param template the template to create
     * @return the stored template
     * @throws DuplicateKeyException a template with this id exists (compared case-insensitively)
     */
    public Template create(NewTemplate template) {
        return db.call("template", "create", () -> {
            Validate.notNull("template", template);
            OffsetDateTime now = db.now();
            try {
                // Insert and let the unique constraint decide: a check before it could race another creator.
                db.dsl().insertInto(FCN_TEMPLATE)
                        .set(FCN_TEMPLATE.TEMPLATE_ID, template.templateId())
                        .set(FCN_TEMPLATE.NAME, template.name())
                        .set(FCN_TEMPLATE.SPEC_VERSION, template.specVersion())
                        .set(FCN_TEMPLATE.STATUS, template.status())
                        .set(FCN_TEMPLATE.ISSUER, template.issuer())
                        .set(FCN_TEMPLATE.PARAMETERS, template.parameters())
                        .set(FCN_TEMPLATE.VERSION, 0)
                        .set(FCN_TEMPLATE.CREATED_AT, now)
                        .set(FCN_TEMPLATE.UPDATED_AT, now)
                        .execute();
            } catch (IntegrityConstraintViolationException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new DuplicateKeyException(ENTITY, template.templateId(), ScrubbedSqlException.of(e));
                }
                throw e;
            }
            return new Template(template.templateId(), template.name(), template.specVersion(), template.status(),
                    template.issuer(), template.parameters(), Optional.empty(), 0, now, now);
        });
    }

    /**
     * The template with this id (compared case-insensitively), if any.
     * @param templateId the business key
     * @return the template, or empty
     * @throws ValidationException when the id is not a valid business key
     */
    public Optional<Template> find(String templateId) {
        return db.call("template", "find", () -> {
            validateId("template_id", templateId);
            return byTemplateId.bind(templateId).fetchOptional(TemplateRepository::toTemplate);
        });
    }

    /**
     * The template with this id.
     * @param templateId the business key
     * @return the template
     * @throws NotFoundException no template has this id
     */
    public Template get(String templateId) {
        return db.call("template", "get", () -> {
            return find(templateId).orElseThrow(() -> new NotFoundException(ENTITY, templateId));
        });
    }

    /**
     * A keyset page of the templates {@code filter} selects, in creation order.
     * @param filter which templates
     * @param request which page
     * @return the page
     */
    public KeysetPage<Template> list(TemplateFilter filter, KeysetRequest request) {
        return db.call("template", "list", () -> {
            Validate.notNull("filter", filter);
            Validate.notNull("request", request);
            return PageQueries.keyset(db.dsl(), FCN_TEMPLATE, filter.condition(), filter.toString(), ORDER, request,
                    TemplateRepository::toTemplate);
        });
    }

    /**
     * A numbered page of the templates {@code filter} selects, in creation order, with the totals.
     * @param filter which templates
     * @param request which page
     * @return the page
     */
    public Page<Template> list(TemplateFilter filter, PageRequest request) {
        return db.call("template", "list", () -> {
            Validate.notNull("filter", filter);
            Validate.notNull("request", request);
            return PageQueries.numbered(db.dsl(), FCN_TEMPLATE, filter.condition(), ORDER, request,
                    TemplateRepository::toTemplate);
        });
    }

    /**
     * Changes the name and/or parameters of the template at {@code expectedVersion}, whatever its status.
     *
     * @param templateId the business key
     * @param expectedVersion the version the caller read
     * @param changes what to change
     * @return the template after the change, at the next version
     * @throws NotFoundException       no template has this id
     * @throws OptimisticLockException the template is no longer at {@code expectedVersion}
     */
    public Template update(String templateId, int expectedVersion, TemplateUpdate changes) {
        return db.call("template", "update", () -> {
            validateId("template_id", templateId);
            Validate.atLeast("version", expectedVersion, 0);
            Validate.notNull("changes", changes);
            return db.inTransaction(() -> {
                Map<Field<?>, Object> values = new LinkedHashMap<>();
                changes.name().ifPresent(name -> values.put(FCN_TEMPLATE.NAME, name));
                changes.parameters().ifPresent(parameters -> values.put(FCN_TEMPLATE.PARAMETERS, parameters));
                int rows = changed(values, db.now())
                        .where(FCN_TEMPLATE.TEMPLATE_ID.eq(templateId))
                        .and(FCN_TEMPLATE.VERSION.eq(expectedVersion))
                        .execute();
                if (rows == 0) {
                    // Missing, or changed since the caller read it: the row tells which.
                    get(templateId);
                    throw new OptimisticLockException(ENTITY, templateId, expectedVersion);
                }
                return get(templateId);
            });
        });
    }

    /**
     * Makes a draft template active, so trades may be booked against it.
     *
     * @param templateId the business key
     * @return the template, now active
     * @throws NotFoundException               no template has this id
     * @throws InvalidStateTransitionException the template is not a draft
     */
    public Template activate(String templateId) {
        return db.call("template", "activate", () -> {
            validateId("template_id", templateId);
            return db.inTransaction(() -> {
                int rows = changed(Map.of(FCN_TEMPLATE.STATUS, TemplateStatus.ACTIVE), db.now())
                        .where(FCN_TEMPLATE.TEMPLATE_ID.eq(templateId))
                        .and(FCN_TEMPLATE.STATUS.eq(TemplateStatus.DRAFT))
                        .execute();
                if (rows == 0) {
                    throw invalidTransition(get(templateId), TemplateStatus.ACTIVE);
                }
                return get(templateId);
            });
        });
    }

    /**
     * {@link #deprecate(String, String, String)} without a successor.
     * @param templateId the business key
     * @param reason why, at most 500 characters
     * @return the template, now deprecated
     */
    public Template deprecate(String templateId, String reason) {
        return db.call("template", "deprecate", () -> {
            return deprecate(templateId, reason, null);
        });
    }

    /**
     * Retires a draft or active template for {@code reason} (at most 500 characters), optionally naming the active
     * template that replaces it. Deprecation is final.
     *
     * @param supersededBy another template's id, or null
     * @param templateId the business key
     * @param reason why, at most 500 characters
     * @return the template, now deprecated
     * @throws ValidationException             bad input; {@code superseded_by} names this template or a template
     *                                         that is not active (a rule that needs a read)
     * @throws NotFoundException               no template has {@code templateId}, or none has {@code supersededBy}
     * @throws InvalidStateTransitionException the template is already deprecated
     */
    public Template deprecate(String templateId, String reason, String supersededBy) {
        return db.call("template", "deprecate", () -> {
            validateId("template_id", templateId);
            Validate.text("deprecation_reason", reason, REASON_MAX);
            if (supersededBy != null) {
                validateId("superseded_by", supersededBy);
                if (supersededBy.equalsIgnoreCase(templateId)) {
                    throw new ValidationException("superseded_by", "must name another template, not itself");
                }
            }
            return db.inTransaction(() -> {
                Optional<Template> successor = checkDeprecation(templateId, supersededBy);
                OffsetDateTime now = db.now();
                Condition successorStillActive = DSL.noCondition();
                if (successor.isPresent()) {
                    // Re-checked in the statement itself, so a successor deprecated meanwhile stops the change.
                    FcnTemplate other = FCN_TEMPLATE.as("successor");
                    successorStillActive = DSL.exists(DSL.selectOne().from(other)
                            .where(other.TEMPLATE_ID.eq(successor.get().templateId()))
                            .and(other.STATUS.eq(TemplateStatus.ACTIVE)));
                }
                Map<Field<?>, Object> values = new LinkedHashMap<>();
                values.put(FCN_TEMPLATE.STATUS, TemplateStatus.DEPRECATED);
                values.put(FCN_TEMPLATE.DEPRECATED_AT, now);
                values.put(FCN_TEMPLATE.DEPRECATION_REASON, reason);
                values.put(FCN_TEMPLATE.SUPERSEDED_BY, successor.map(Template::templateId).orElse(null));
                int rows = changed(values, now)
                        .where(FCN_TEMPLATE.TEMPLATE_ID.eq(templateId))
                        .and(FCN_TEMPLATE.STATUS.in(TemplateStatus.DRAFT, TemplateStatus.ACTIVE))
                        .and(successorStillActive)
                        .execute();
                if (rows == 0) {
                    // Something changed between the checks and the update: the checks name it now.
                    checkDeprecation(templateId, supersededBy);
                    throw new OptimisticLockException(ENTITY, templateId, get(templateId).version());
                }
                return get(templateId);
            });
        });
    }

    /** Throws what stands in the way of deprecating {@code templateId}; returns the successor, if one is named. */
    private Optional<Template> checkDeprecation(String templateId, String supersededBy) {
        Template template = get(templateId);
        if (template.status() == TemplateStatus.DEPRECATED) {
            throw invalidTransition(template, TemplateStatus.DEPRECATED);
        }
        if (supersededBy == null) {
            return Optional.empty();
        }
        Template successor = get(supersededBy);
        if (successor.status() != TemplateStatus.ACTIVE) {
            throw new ValidationException("superseded_by", "must name an active template, '"
                    + successor.templateId() + "' is " + successor.status().getLiteral());
        }
        return Optional.of(successor);
    }

    /** {@code update fcn_template set <values>, updated_at = ?, version = version + 1}: every change sets both. */
    private UpdateSetMoreStep<FcnTemplateRecord> changed(Map<Field<?>, Object> values, OffsetDateTime now) {
        return db.dsl().update(FCN_TEMPLATE)
                .set(values)
                .set(FCN_TEMPLATE.UPDATED_AT, now)
                .set(FCN_TEMPLATE.VERSION, FCN_TEMPLATE.VERSION.plus(1));
    }

    private static InvalidStateTransitionException invalidTransition(Template template, TemplateStatus to) {
        return new InvalidStateTransitionException(ENTITY, template.templateId(), template.status().getLiteral(),
                to.getLiteral());
    }

    private static void validateId(String field, String templateId) {
        Validate.businessKey(field, templateId, NewTemplate.TEMPLATE_ID_MAX);
    }

    private static Template toTemplate(FcnTemplateRecord r) {
        Optional<Template.Deprecation> deprecation = r.getDeprecatedAt() == null
                ? Optional.empty()
                : Optional.of(new Template.Deprecation(r.getDeprecatedAt(), r.getDeprecationReason(),
                        Optional.ofNullable(r.getSupersededBy())));
        return new Template(r.getTemplateId(), r.getName(), r.getSpecVersion(),
                SqlErrors.known(r.getStatus(), FCN_TEMPLATE.STATUS), r.getIssuer(), r.getParameters(), deprecation,
                r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
