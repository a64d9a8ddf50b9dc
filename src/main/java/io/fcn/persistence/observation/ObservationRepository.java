package io.fcn.persistence.observation;

import static io.fcn.persistence.jooq.Tables.FCN_OBSERVATION;

import java.sql.BatchUpdateException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.impl.DSL;

import io.fcn.persistence.exceptions.ConflictException;
import io.fcn.persistence.exceptions.DuplicateKeyException;
import io.fcn.persistence.internal.context.RepositoryContext;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.sqlserver.SqlServerSettings;
import io.fcn.persistence.jooq.tables.records.FcnObservationRecord;
import io.fcn.persistence.internal.errors.ScrubbedSqlException;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.internal.sql.ReusableSelect;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.ObservationType;

/**
 * Observations: one per trade and date, recorded idempotently, singly or in batches.
 *
 * <p>Recording the same observation again is a no-op that returns the stored one; a different one for the same trade
 * and date is a {@link ConflictException}. "The same" compares the observation type, the three flags and the JSON
 * columns by meaning (see {@link JsonSemantics}: member order, whitespace and number spelling do not matter);
 * the trade id compares case-insensitively, as the unique key does. The stored text is never replaced.
 *
 * <p>Writes are decided by the unique key {@code (trade_id, observation_date)}, never by a check before an insert:
 * concurrent writers of one observation end with one row, and each gets the stored observation back (or a conflict
 * when its payload differs).
 */
public final class ObservationRepository {

    static final String ENTITY = "observation";
    static final int TRADE_ID_MAX_LENGTH = 100;
    /** (trade, date) pairs per lookup statement: two parameters each, far below SQL Server's 2,100. */
    static final int LOOKUP_CHUNK = 500;
    /**
     * The look-up's shapes, in pairs: a chunk of n keys runs the smallest shape of at least n pairs, its last key
     * repeated to fill it. Each shape is rendered once per repository and is one statement text (one prepared handle
     * per connection) however many keys a batch has; at most 4 × the binds a chunk needs.
     */
    static final int[] LOOKUP_SHAPES = {1, 4, 16, 64, 250, LOOKUP_CHUNK};
    /** Inserts retried after losing the race for a key to a writer that then rolled back. */
    private static final int RECORD_ATTEMPTS = 3;
    /** Batches retried after losing the race for a key to a concurrent writer: each loss means another committed. */
    private static final int BATCH_ATTEMPTS = 10;

    private final RepositoryContext db;
    /** The rendered look-up per shape ({@link #LOOKUP_SHAPES}), made at first use. */
    private final AtomicReferenceArray<ReusableSelect<FcnObservationRecord>> lookups =
            new AtomicReferenceArray<>(LOOKUP_SHAPES.length);

    /**
     * The repository over the entry point's context; take it from {@code FcnPersistence.observations()}.
     * @param db the entry point's jOOQ context, clock and transaction
     */
    public ObservationRepository(RepositoryContext db) {
        this.db = db;
    }

    /**
     * Records one observation, or returns the stored one when an identical observation is already recorded.
     * Joins the caller's transaction when there is one (a lost race is then resolved in it: a unique violation
     * aborts only its statement on SQL Server and H2).
     *
     * @param observation the observation to record
     * @return the stored observation: the new one, or the identical one recorded before
     * @throws io.fcn.persistence.exceptions.ValidationException before any SQL, when a field breaks its rule
     * @throws ConflictException a different observation is stored for the same trade and date
     * @throws NotFoundException no trade has this trade id
     */
    public StoredObservation record(Observation observation) {
        return db.call("observation", "record", () -> {
            validate("observation", observation);
            OffsetDateTime now = db.now();
            DSLContext dsl = db.dsl();
            for (int attempt = 1;; attempt++) {
                try {
                    insert(dsl, observation, now).execute();
                    return find(observation.tradeId(), observation.observationDate())
                            .orElseThrow(() -> new IllegalStateException("Inserted observation not found"));
                } catch (RuntimeException e) {
                    if (SqlErrors.isForeignKeyViolation(e)) {
                        throw new NotFoundException("trade", observation.tradeId());
                    }
                    if (!someoneElseHasIt(e) || attempt == RECORD_ATTEMPTS) {
                        throw e;
                    }
                    Optional<StoredObservation> stored = find(observation.tradeId(), observation.observationDate());
                    if (stored.isPresent()) {
                        requireSame(stored.get().observation(), observation, "the stored observation differs in ");
                        return stored.get();
                    }
                    // The other writer rolled back: the key is free again.
                }
            }
        });
    }

    /**
     * Records a batch in one transaction with few round trips (one lookup per {@value #LOOKUP_CHUNK} rows and one
     * JDBC batch of inserts), all or nothing. Rows identical to a stored observation, or to an earlier row of the
     * batch, are skipped and counted. A row that conflicts with a stored observation or with another row of the
     * batch fails the whole batch, named as {@code observations[i]}, and nothing is written.
     *
     * <p>The batch is looked up first, in the caller's transaction if there is one, so a conflict is found before
     * anything is written and leaves that transaction usable; the new rows are then inserted in one transaction
     * (joining the caller's), in key order, so overlapping concurrent batches wait for each other instead of
     * deadlocking. Run on its own, a batch that loses a race to a concurrent writer of the same keys (or is chosen as
     * a deadlock victim) is retried, and then skips what that writer stored. Joined to a caller's transaction it
     * cannot retry on its own: a lost race then fails with {@link DuplicateKeyException}, a deadlock with
     * {@link TransientDatabaseException} (retry the caller's transaction).
     *
     * @param observations the rows to record, in any order
     * @return how many rows were inserted and how many skipped as already stored
     * @throws io.fcn.persistence.exceptions.ValidationException before any SQL, naming the row ({@code observations[i].field})
     * @throws ConflictException a row conflicts with a stored observation or with another row of the batch
     * @throws NotFoundException a row names a trade that does not exist
     */
    public ObservationBatchResult recordAll(List<Observation> observations) {
        return db.call("observation", "recordAll", () -> {
            Validate.notNull("observations", observations);
            for (int i = 0; i < observations.size(); i++) {
                validate(rowName(i), observations.get(i));
            }
            // Rows for the same key within the batch: identical ones are skipped, different ones conflict, before SQL.
            Map<Key, Integer> firstRowOfKey = new LinkedHashMap<>();
            for (int i = 0; i < observations.size(); i++) {
                Integer first = firstRowOfKey.putIfAbsent(Key.of(observations.get(i)), i);
                if (first != null) {
                    requireSame(observations.get(first), observations.get(i),
                            rowName(i) + " differs from " + rowName(first) + " (nothing was stored) in ");
                }
            }
            if (firstRowOfKey.isEmpty()) {
                return new ObservationBatchResult(0, 0);
            }
            OffsetDateTime now = db.now();
            boolean joined = db.inTransaction();
            for (int attempt = 1;; attempt++) {
                // Decide before writing (in the caller's transaction, if any): a conflict leaves it usable.
                Map<Key, StoredObservation> stored = lookup(firstRowOfKey.keySet());
                List<Observation> fresh = new ArrayList<>();
                List<Integer> freshRows = new ArrayList<>();
                for (Map.Entry<Key, Integer> row : sortedByKey(firstRowOfKey)) {
                    StoredObservation existing = stored.get(row.getKey());
                    if (existing == null) {
                        fresh.add(observations.get(row.getValue()));
                        freshRows.add(row.getValue());
                    } else {
                        requireSame(existing.observation(), observations.get(row.getValue()),
                                rowName(row.getValue()) + " differs from the stored observation in ");
                    }
                }
                // Skipped: later rows of a key within the batch, and rows identical to stored ones.
                ObservationBatchResult result =
                        new ObservationBatchResult(fresh.size(), observations.size() - fresh.size());
                if (fresh.isEmpty()) {
                    return result;
                }
                try {
                    // One transaction: a JDBC batch in auto-commit would commit row by row.
                    db.inTransaction(() -> insertAll(fresh, now));
                    return result;
                } catch (RuntimeException e) {
                    OptionalInt failed = failedBatchRow(e, fresh.size());
                    if (SqlErrors.isForeignKeyViolation(e)) {
                        throw new NotFoundException("trade", failed.isPresent() ? fresh.get(failed.getAsInt()).tradeId()
                                : String.join(", ", fresh.stream().map(Observation::tradeId).distinct().toList()));
                    }
                    boolean retryable = SqlErrors.isUniqueViolation(e)
                            || (e instanceof TransientDatabaseException t && t.isRetryable());
                    if (!retryable) {
                        throw e;
                    }
                    if (!joined && attempt < BATCH_ATTEMPTS) {
                        continue; // a concurrent writer stored some of these keys after the lookup: look again
                    }
                    if (!SqlErrors.isUniqueViolation(e)) {
                        throw e;
                    }
                    throw new DuplicateKeyException(ENTITY, failed.isPresent()
                            ? rowName(freshRows.get(failed.getAsInt())) + " " + keyText(fresh.get(failed.getAsInt()))
                            : "of the batch", ScrubbedSqlException.of(e));
                }
            }
        });
    }

    /**
     * The observation of {@code tradeId} on {@code date}, if recorded.
     * @param tradeId the trade's business key
     * @param date the observation date
     * @return the stored observation, or empty
     * @throws io.fcn.persistence.exceptions.ValidationException when the id is not a valid business key or the date is
     *     null
     */
    public Optional<StoredObservation> find(String tradeId, LocalDate date) {
        return db.call("observation", "find", () -> {
            Validate.businessKey("trade_id", tradeId, TRADE_ID_MAX_LENGTH);
            Validate.sqlServerDate("date", date);
            return db.dsl().selectFrom(FCN_OBSERVATION)
                    .where(FCN_OBSERVATION.TRADE_ID.eq(tradeId))
                    .and(FCN_OBSERVATION.OBSERVATION_DATE.eq(date))
                    .fetchOptional()
                    .map(ObservationRepository::toDomain);
        });
    }

    /**
     * The observations of {@code tradeId} from {@code from} to {@code to}, both inclusive, in date order. Served by
     * the unique index on {@code (trade_id, observation_date)}.
     * @param tradeId the trade's business key
     * @param from the first date, inclusive
     * @param to the last date, inclusive
     * @return the observations, in date order; empty when there are none
     * @throws io.fcn.persistence.exceptions.ValidationException when the id is not a valid business key or a date is
     *     null
     */
    public List<StoredObservation> findByTrade(String tradeId, LocalDate from, LocalDate to) {
        return db.call("observation", "findByTrade", () -> {
            Validate.businessKey("trade_id", tradeId, TRADE_ID_MAX_LENGTH);
            Validate.notNull("from", from);
            Validate.notBefore("to", to, "from", from);
            return range(db.dsl(), tradeId, from, to).fetch(ObservationRepository::toDomain);
        });
    }

    // --- statements (package-private: pinned by golden-SQL tests)

    static Query insert(DSLContext dsl, Observation o, OffsetDateTime now) {
        return dsl.insertInto(FCN_OBSERVATION,
                        FCN_OBSERVATION.TRADE_ID, FCN_OBSERVATION.OBSERVATION_DATE, FCN_OBSERVATION.OBSERVATION_TYPE,
                        FCN_OBSERVATION.UNDERLYING_PRICES, FCN_OBSERVATION.AUTOCALL_TRIGGERED,
                        FCN_OBSERVATION.COUPON_ELIGIBLE, FCN_OBSERVATION.KI_TRIGGERED,
                        FCN_OBSERVATION.OBSERVATION_DATA, FCN_OBSERVATION.CREATED_AT)
                .values(o.tradeId(), o.observationDate(), o.type(), o.underlyingPrices(),
                        o.autocallTriggered(), o.couponEligible(), o.kiTriggered(), o.observationData(), now);
    }

    /** The bind values of {@link #insert}, in its column order. */
    private static Object[] insertValues(Observation o, OffsetDateTime now) {
        return new Object[] {o.tradeId(), o.observationDate(), o.type(), o.underlyingPrices(),
                o.autocallTriggered(), o.couponEligible(), o.kiTriggered(), o.observationData(), now};
    }

    private static List<Map.Entry<Key, Integer>> sortedByKey(Map<Key, Integer> rows) {
        List<Map.Entry<Key, Integer>> sorted = new ArrayList<>(rows.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        return sorted;
    }

    /** A trade's observations in an inclusive date range, in date order: a seek on the unique index. */
    static ResultQuery<FcnObservationRecord> range(DSLContext dsl, String tradeId, LocalDate from, LocalDate to) {
        return dsl.selectFrom(FCN_OBSERVATION)
                .where(FCN_OBSERVATION.TRADE_ID.eq(tradeId))
                .and(FCN_OBSERVATION.OBSERVATION_DATE.between(from, to))
                .orderBy(FCN_OBSERVATION.OBSERVATION_DATE);
    }

    /**
     * Stored rows for any of {@code keys}: {@code (trade_id = ? and observation_date = ?) or …}, written out (no
     * row-value IN, which T-SQL lacks).
     */
    static ResultQuery<FcnObservationRecord> lookup(DSLContext dsl, List<Key> keys) {
        List<Field<String>> tradeIds = new ArrayList<>(keys.size());
        List<Field<LocalDate>> dates = new ArrayList<>(keys.size());
        for (Key key : keys) {
            tradeIds.add(DSL.val(key.tradeId(), FCN_OBSERVATION.TRADE_ID));
            dates.add(DSL.val(key.date(), FCN_OBSERVATION.OBSERVATION_DATE));
        }
        return lookup(dsl, tradeIds, dates);
    }

    private static Select<FcnObservationRecord> lookup(DSLContext dsl, List<Field<String>> tradeIds,
            List<Field<LocalDate>> dates) {
        List<Condition> pairs = new ArrayList<>(tradeIds.size());
        for (int i = 0; i < tradeIds.size(); i++) {
            pairs.add(FCN_OBSERVATION.TRADE_ID.eq(tradeIds.get(i)).and(FCN_OBSERVATION.OBSERVATION_DATE.eq(dates.get(i))));
        }
        return dsl.selectFrom(FCN_OBSERVATION).where(DSL.or(pairs));
    }

    /** {@link #lookup(DSLContext, List)} of {@code pairs} keys, rendered once: values trade id, date, trade id, … */
    static ReusableSelect<FcnObservationRecord> lookupShape(DSLContext dsl, int pairs) {
        List<Field<String>> tradeIds = new ArrayList<>(pairs);
        List<Field<LocalDate>> dates = new ArrayList<>(pairs);
        Param<?>[] placeholders = new Param<?>[2 * pairs];
        for (int i = 0; i < pairs; i++) {
            // Named apart: jOOQ renders a copy of the date param (the column's binding), found by its name.
            Param<String> tradeId = DSL.param("t" + i, FCN_OBSERVATION.TRADE_ID.getDataType());
            Param<LocalDate> date = DSL.param("d" + i, FCN_OBSERVATION.OBSERVATION_DATE.getDataType());
            tradeIds.add(tradeId);
            dates.add(date);
            placeholders[2 * i] = tradeId;
            placeholders[2 * i + 1] = date;
        }
        return ReusableSelect.of(dsl, FCN_OBSERVATION, lookup(dsl, tradeIds, dates), placeholders);
    }

    /** The shape for a chunk of {@code keys} keys: the smallest of {@link #LOOKUP_SHAPES} that holds them. */
    static int shapeIndex(int keys) {
        for (int i = 0; i < LOOKUP_SHAPES.length; i++) {
            if (keys <= LOOKUP_SHAPES[i]) {
                return i;
            }
        }
        throw new IllegalArgumentException("a look-up chunk holds at most " + LOOKUP_CHUNK + " keys: " + keys);
    }

    /** The values for a shape of {@code pairs}: each key's trade id and date, the last key repeated to fill it. */
    static Object[] shapeValues(List<Key> chunk, int pairs) {
        Object[] values = new Object[2 * pairs];
        for (int i = 0; i < pairs; i++) {
            Key key = chunk.get(Math.min(i, chunk.size() - 1));
            values[2 * i] = key.tradeId();
            values[2 * i + 1] = key.date();
        }
        return values;
    }

    private ReusableSelect<FcnObservationRecord> lookupShape(int index) {
        ReusableSelect<FcnObservationRecord> shape = lookups.get(index);
        if (shape == null) {
            // Two threads may both render it: the same text, and either result serves.
            shape = lookupShape(db.dsl(), LOOKUP_SHAPES[index]);
            lookups.set(index, shape);
        }
        return shape;
    }

    private Map<Key, StoredObservation> lookup(Collection<Key> keys) {
        List<Key> all = List.copyOf(keys);
        Map<Key, StoredObservation> stored = new HashMap<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<Key> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            int index = shapeIndex(chunk.size());
            lookupShape(index).bind(shapeValues(chunk, LOOKUP_SHAPES[index])).fetch(ObservationRepository::toDomain)
                    .forEach(s -> stored.put(Key.of(s.observation()), s));
        }
        return stored;
    }

    /**
     * One JDBC batch: one prepared statement, one round trip. Never through mssql-jdbc's bulk-copy path, even when
     * the connection enables it ({@code useBulkCopyForBatchInsert}): that path skips the foreign key to the trade
     * unless told otherwise, and reports failures without the error number that tells a duplicate key or a missing
     * trade apart (docs/sql-server.md). Runs in the caller's transaction, so the batch is
     * prepared on the connection whose setting is turned off.
     */
    private void insertAll(List<Observation> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return;
        }
        DSLContext dsl = db.dsl();
        BatchBindStep batch = dsl.batch(insert(dsl, rows.get(0), now));
        for (Observation row : rows) {
            batch = batch.bind(insertValues(row, now));
        }
        BatchBindStep bound = batch;
        dsl.connection(connection -> SqlServerSettings.withoutBulkCopyForBatchInsert(connection, bound::execute));
    }

    // --- rules

    /**
     * Fields are named by column (README, "Errors"): {@code trade_id} for one observation,
     * {@code observations[2].trade_id} for a row of a batch.
     */
    private static void validate(String name, Observation o) {
        Validate.notNull(name, o);
        String prefix = name.equals("observation") ? "" : name + ".";
        Validate.businessKey(prefix + "trade_id", o.tradeId(), TRADE_ID_MAX_LENGTH);
        Validate.sqlServerDate(prefix + "observation_date", o.observationDate());
        Validate.notNull(prefix + "observation_type", o.type());
        Validate.json(prefix + "underlying_prices", o.underlyingPrices());
        if (o.observationData() != null) {
            Validate.json(prefix + "observation_data", o.observationData());
        }
    }

    /** Throws a {@link ConflictException} naming the trade, the date and the differing columns. */
    private static void requireSame(Observation stored, Observation given, String what) {
        List<String> differences = new ArrayList<>();
        if (stored.type() != given.type()) {
            differences.add("observation_type (" + stored.type().getLiteral() + " vs " + given.type().getLiteral()
                    + ")");
        }
        if (!JsonSemantics.same(stored.underlyingPrices(), given.underlyingPrices())) {
            differences.add("underlying_prices (" + JsonSemantics.abbreviate(stored.underlyingPrices()) + " vs "
                    + JsonSemantics.abbreviate(given.underlyingPrices()) + ")");
        }
        if (stored.autocallTriggered() != given.autocallTriggered()) {
            differences.add("autocall_triggered");
        }
        if (stored.couponEligible() != given.couponEligible()) {
            differences.add("coupon_eligible");
        }
        if (stored.kiTriggered() != given.kiTriggered()) {
            differences.add("ki_triggered");
        }
        if (!JsonSemantics.same(stored.observationData(), given.observationData())) {
            differences.add("observation_data (" + JsonSemantics.abbreviate(stored.observationData()) + " vs "
                    + JsonSemantics.abbreviate(given.observationData()) + ")");
        }
        if (!differences.isEmpty()) {
            throw new ConflictException(ENTITY, keyText(given), what + String.join(", ", differences));
        }
    }

    /** A unique violation, or (H2, waiting for an uncommitted duplicate) a lock timeout: someone else has the key. */
    private static boolean someoneElseHasIt(RuntimeException e) {
        return SqlErrors.isUniqueViolation(e) || (e instanceof TransientDatabaseException t
                && t.reason() == TransientDatabaseException.Reason.LOCK_TIMEOUT);
    }

    /** Which row of a JDBC batch failed, when the driver says so. */
    private static OptionalInt failedBatchRow(Throwable error, int rows) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BatchUpdateException b && b.getUpdateCounts() != null) {
                int[] counts = b.getUpdateCounts();
                for (int i = 0; i < counts.length && i < rows; i++) {
                    if (counts[i] == Statement.EXECUTE_FAILED) {
                        return OptionalInt.of(i);
                    }
                }
                // Drivers that stop at the first failure report the rows before it.
                return counts.length < rows ? OptionalInt.of(counts.length) : OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static String rowName(int index) {
        return "observations[" + index + "]";
    }

    static String keyText(Observation o) {
        return o.tradeId() + "/" + o.observationDate();
    }

    private static StoredObservation toDomain(FcnObservationRecord r) {
        Observation observation = new Observation(r.getTradeId(), r.getObservationDate(),
                SqlErrors.known(r.getObservationType(), FCN_OBSERVATION.OBSERVATION_TYPE), r.getUnderlyingPrices(),
                r.getAutocallTriggered(), r.getCouponEligible(), r.getKiTriggered(), r.getObservationData());
        return new StoredObservation(r.getId(), observation, r.getCreatedAt());
    }

    /** The unique key as SQL Server compares it: trade ids case-insensitively (they are ASCII). */
    record Key(String tradeId, LocalDate date) implements Comparable<Key> {
        private static final Comparator<Key> ORDER =
                Comparator.comparing(Key::tradeId).thenComparing(Key::date);

        static Key of(Observation o) {
            return new Key(o.tradeId().toLowerCase(Locale.ROOT), o.observationDate());
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
