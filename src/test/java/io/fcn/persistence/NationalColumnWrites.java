package io.fcn.persistence;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.template.TemplateUpdate;
import io.fcn.persistence.trade.TradeFixtures;

/**
 * Writes a distinct Thai-and-emoji text into every NVARCHAR column through every repository path that writes it
 * (insert, update, JDBC batch), then reads each back through the repositories.
 */
final class NationalColumnWrites {

    static final String THAI = "ราคาใช้สิทธิ 🚀";

    /** One value written into {@code column} by {@code path}, and what the repositories read back. */
    record Write(String column, String path, String written, String readBack) {
    }

    private NationalColumnWrites() {
    }

    /** The NVARCHAR (and NCHAR) columns of the latest schema, {@code table.column}, from the shipped snapshot. */
    static Set<String> nationalColumns() {
        Set<String> columns = new TreeSet<>();
        ExpectedSchemas.latest().tables().forEach(table -> table.columns().stream()
                .filter(column -> column.type().family().isNational())
                .forEach(column -> columns.add(table.name() + "." + column.name())));
        return columns;
    }

    /** A value for {@code column} written by {@code path}: JSON for the JSON columns, text for the others. */
    static String text(String column, String path) {
        String marker = column + "#" + path;
        return column.endsWith(".name") || column.endsWith(".deprecation_reason")
                ? THAI + " " + marker
                : "{\"note\":\"" + THAI + "\",\"at\":\"" + marker + "\"}";
    }

    static List<Write> writeAndReadBack(FcnPersistence fcn) {
        List<Write> writes = new ArrayList<>();

        // fcn_template: insert, update, deprecation.
        String name = text("fcn_template.name", "create");
        String parameters = text("fcn_template.parameters", "create");
        fcn.templates().create(NewTemplate.active("TPL-N", name, TradeFixtures.SPEC, "Bank A", parameters));
        var created = fcn.templates().get("TPL-N");
        writes.add(new Write("fcn_template.name", "create", name, created.name()));
        writes.add(new Write("fcn_template.parameters", "create", parameters, created.parameters()));

        String newName = text("fcn_template.name", "update");
        String newParameters = text("fcn_template.parameters", "update");
        fcn.templates().update("TPL-N", created.version(), TemplateUpdate.nameAndParameters(newName, newParameters));
        var updated = fcn.templates().get("TPL-N");
        writes.add(new Write("fcn_template.name", "update", newName, updated.name()));
        writes.add(new Write("fcn_template.parameters", "update", newParameters, updated.parameters()));

        String reason = text("fcn_template.deprecation_reason", "deprecate");
        fcn.templates().create(NewTemplate.draft("TPL-OLD", "old", TradeFixtures.SPEC, "Bank A", "{}"));
        fcn.templates().deprecate("TPL-OLD", reason);
        writes.add(new Write("fcn_template.deprecation_reason", "deprecate", reason,
                fcn.templates().get("TPL-OLD").deprecation().orElseThrow().reason()));

        // fcn_trade.
        String tradeParams = text("fcn_trade.trade_params", "book");
        fcn.trades().book(TradeFixtures.trade("TRD-N", "TPL-N").tradeParams(tradeParams).build());
        writes.add(new Write("fcn_trade.trade_params", "book", tradeParams, fcn.trades().get("TRD-N").tradeParams()));

        // fcn_lifecycle_event.
        String payload = text("fcn_lifecycle_event.event_payload", "append");
        fcn.lifecycleEvents().append("TRD-N", LifecycleEventType.COUPON_PAID, TradeFixtures.TRADE_DATE, payload);
        writes.add(new Write("fcn_lifecycle_event.event_payload", "append", payload,
                fcn.lifecycleEvents().history("TRD-N").stream()
                        .filter(e -> e.type() == LifecycleEventType.COUPON_PAID)
                        .map(LifecycleEvent::payload).findFirst().orElseThrow()));

        // fcn_observation: a single insert and a JDBC batch.
        LocalDate single = TradeFixtures.TRADE_DATE.plusMonths(1);
        fcn.observations().record(observation(single, "record"));
        writes.addAll(observationWrites(fcn, single, "record"));
        List<LocalDate> batch = List.of(single.plusMonths(1), single.plusMonths(2));
        fcn.observations().recordAll(batch.stream().map(date -> observation(date, "batch-" + date)).toList());
        for (LocalDate date : batch) {
            writes.addAll(observationWrites(fcn, date, "batch-" + date));
        }

        // fcn_idempotency_key: the stored response, as a replay returns it.
        String body = text("fcn_idempotency_key.response_snapshot", "complete");
        String fingerprint = IdempotencyKeys.fingerprint("POST", "/trades", "{}");
        ClaimOutcome claimed = fcn.idempotency().claim("key-n", fingerprint, "POST", "/trades", Duration.ofHours(1),
                Duration.ofMinutes(1));
        fcn.inTransaction(() -> fcn.idempotency().complete(((ClaimOutcome.Claimed) claimed).token(), 201, body));
        ClaimOutcome replay = fcn.idempotency().claim("key-n", fingerprint, "POST", "/trades", Duration.ofHours(1),
                Duration.ofMinutes(1));
        writes.add(new Write("fcn_idempotency_key.response_snapshot", "complete", body,
                ((ClaimOutcome.Replay) replay).body()));
        return writes;
    }

    private static Observation observation(LocalDate date, String path) {
        return new Observation("TRD-N", date, ObservationType.COUPON,
                text("fcn_observation.underlying_prices", path), false, true, false,
                text("fcn_observation.observation_data", path));
    }

    private static List<Write> observationWrites(FcnPersistence fcn, LocalDate date, String path) {
        Observation stored = fcn.observations().find("TRD-N", date).orElseThrow().observation();
        return List.of(
                new Write("fcn_observation.underlying_prices", path, text("fcn_observation.underlying_prices", path),
                        stored.underlyingPrices()),
                new Write("fcn_observation.observation_data", path, text("fcn_observation.observation_data", path),
                        stored.observationData()));
    }
}
