package io.fcn.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;

import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.internal.context.RepositoryContext;
import io.fcn.persistence.drift.DriftPolicy;
import io.fcn.persistence.sqlserver.ConnectionCheck;
import io.fcn.persistence.sqlserver.SqlServerSettings;
import io.fcn.persistence.idempotency.IdempotencyRepository;
import io.fcn.persistence.lifecycle.LifecycleEventRepository;
import io.fcn.persistence.observation.ObservationRepository;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.template.TemplateRepository;
import io.fcn.persistence.trade.TradeRepository;
import io.fcn.persistence.exceptions.TransactionRolledBackException;
import io.fcn.persistence.metrics.FcnMetrics;
import io.fcn.persistence.metrics.PersistenceObserver;

/**
 * The library's entry point: build it once from a {@link DataSource}, then take the repositories from it and group
 * calls with {@link #inTransaction(Supplier)}.
 *
 * <pre>{@code
 * FcnPersistence fcn = FcnPersistence.builder(dataSource).build();
 * fcn.inTransaction(() -> {
 *     fcn.trades().book(...);
 *     fcn.observations().record(...);
 * });
 * }</pre>
 *
 * Immutable and thread-safe; one instance per DataSource is enough for a whole service. On SQL Server, connect with
 * the recommended settings ({@link SqlServerSettings}): the first connection taken is checked once
 * ({@link #connectionCheck()}).
 */
public final class FcnPersistence {

    private final DSLContext dsl;
    private final CheckedConnections connections;
    private final RepositoryContext context;

    private final TemplateRepository templates;
    private final TradeRepository trades;
    private final ObservationRepository observations;
    private final LifecycleEventRepository lifecycleEvents;
    private final IdempotencyRepository idempotency;

    private FcnPersistence(Builder b) {
        this.connections = new CheckedConnections(new DataSourceConnectionProvider(b.dataSource));
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(b.dialect);
        configuration.set(b.settings);
        configuration.set(connections);
        RepositoryContext.Pinning pinning = Supplier::get;
        if (!b.callerManagedTransactions) {
            // Thread-bound: repository calls inside inTransaction use the transaction's connection without
            // passing a context around.
            ThreadBoundTransactions transactions = ThreadBoundTransactions.over(connections);
            configuration.set(transactions); // and its connections, as jOOQ does
            pinning = transactions::pinned;
        }
        List<ExecuteListener> listeners = new ArrayList<>(b.listeners);
        listeners.add(new SqlErrors.TranslatingListener());
        configuration.set(listeners.toArray(ExecuteListener[]::new));
        this.dsl = DSL.using(configuration);
        this.context = new RepositoryContext(dsl, b.clock, b.callerManagedTransactions, b.observer, pinning);

        this.templates = new TemplateRepository(context);
        this.lifecycleEvents = new LifecycleEventRepository(context);
        this.trades = new TradeRepository(context);
        this.observations = new ObservationRepository(context);
        this.idempotency = new IdempotencyRepository(context);
    }

    /**
     * A builder over {@code dataSource}; nothing connects until the first call that needs the database.
     * @param dataSource the pool the library takes its connections from
     * @return the builder, with the library's defaults
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** {@return the templates repository} */
    public TemplateRepository templates() {
        return templates;
    }

    /** {@return the trades repository} */
    public TradeRepository trades() {
        return trades;
    }

    /** {@return the observations repository} */
    public ObservationRepository observations() {
        return observations;
    }

    /** {@return the lifecycle events repository} */
    public LifecycleEventRepository lifecycleEvents() {
        return lifecycleEvents;
    }

    /** {@return the idempotency keys repository} */
    public IdempotencyRepository idempotency() {
        return idempotency;
    }

    /**
     * The jOOQ context, for custom queries over the generated classes; it joins {@link #inTransaction}.
     * @return the context
     */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Where every timestamp the library writes comes from.
     * @return the clock
     */
    public Clock clock() {
        return context.clock();
    }

    /**
     * What the check of the connection settings found ({@link SqlServerSettings#check}): it runs once, on the first
     * connection the library takes (now, if none was taken yet), and logs a WARNING when a SQL Server connection
     * sends string parameters as Unicode. Empty when the check could not run (the library works on regardless).
     *
     * @return what the check found, or empty
     * @throws org.jooq.exception.DataAccessException no connection could be had (the check then waits for the next)
     */
    public Optional<ConnectionCheck> connectionCheck() {
        if (!connections.checked()) {
            dsl.connection(connection -> { });
        }
        return connections.outcome();
    }

    /**
     * The current time from the configured clock, in UTC and truncated to microseconds: the precision that round
     * trips exactly on every engine (SQL Server keeps 100 ns, some T-SQL engines 1 µs).
     * @return the current time
     */
    public OffsetDateTime now() {
        return context.now();
    }

    /**
     * Runs {@code work} in one transaction: everything commits together or nothing does. A call inside another
     * joins it (one commit, one rollback, as Spring's REQUIRED); if a joined call fails and the caller swallows the
     * failure, the whole transaction still rolls back ({@link TransactionRolledBackException}). With
     * {@link Builder#callerManagedTransactions()} it runs in the caller's transaction instead.
     * @param <T> the work's result type
     * @param work the work
     * @return what {@code work} returned
     */
    public <T> T inTransaction(Supplier<T> work) {
        return context.inTransaction(work);
    }

    /**
     * {@link #inTransaction(Supplier)} for work without a result.
     * @param work the work
     */
    public void inTransaction(Runnable work) {
        context.inTransaction(work);
    }

    /**
     * Whether the calling thread is inside {@link #inTransaction}.
     * @return true inside a unit of work
     */
    public boolean inTransaction() {
        return context.inTransaction();
    }

    /** Fluent configuration; {@link #build()} produces an immutable, ready entry point. */
    public static final class Builder {
        private final DataSource dataSource;
        private Settings settings = defaultSettings();
        private Clock clock = Clock.systemUTC();
        private SQLDialect dialect = SQLDialect.DEFAULT;
        private boolean callerManagedTransactions;
        private final List<ExecuteListener> listeners = new ArrayList<>();
        private DriftPolicy schemaCheckPolicy;
        private PersistenceObserver observer;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * The library's defaults: what it renders is valid T-SQL under the DEFAULT dialect.
         * @return a new copy of the default settings
         */
        public static Settings defaultSettings() {
            return new Settings()
                    .withExecuteLogging(false)
                    .withFetchWarnings(false)
                    .withRenderFormatted(false);
        }

        /**
         * jOOQ settings; start from {@link #defaultSettings()} to keep the library's.
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Where every timestamp the library writes comes from (default: the UTC system clock).
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The jOOQ dialect. The default, {@code DEFAULT}, is what the open-source edition offers; a team with a
         * commercial jOOQ edition may pass {@code SQLSERVER2017} (or newer) here.
         * @param dialect the dialect
         * @return this builder
         */
        public Builder dialect(SQLDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Adds a jOOQ listener to every statement (e.g. {@code TsqlGuardListener} in tests, metrics).
         * @param listener the listener
         * @return this builder
         */
        public Builder executeListener(ExecuteListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The caller manages transactions (Spring's {@code @Transactional} over a transaction-aware DataSource such
         * as {@code TransactionAwareDataSourceProxy}, or JTA): {@code inTransaction} then runs inside the caller's
         * transaction and refuses to run when none is active.
         * @return this builder
         */
        public Builder callerManagedTransactions() {
            this.callerManagedTransactions = true;
            return this;
        }

        /**
         * Reports every public repository call, idempotency claim and purge to {@code observer} (metrics); none by
         * default, and then nothing is measured.
         * @param observer the observer, e.g. {@link FcnMetrics}
         * @return this builder
         */
        public Builder observer(PersistenceObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * Micrometer meters in {@code registry} ({@link FcnMetrics}; Micrometer is an optional dependency): the
         * same as {@code observer(new FcnMetrics(registry))}.
         * @param registry where the meters go
         * @return this builder
         */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            return observer(new FcnMetrics(registry));
        }

        /**
         * Opt-in: {@link #build()} first checks the database against this jar's latest schema and migration
         * history ({@link DriftCheck}); it throws {@code SchemaDriftException} when {@code policy} fails the report
         * and logs other findings as a WARNING. {@code DriftPolicy.reportOnly()} only warns.
         * @param policy what fails the start-up check
         * @return this builder
         */
        public Builder checkSchemaOnStart(DriftPolicy policy) {
            this.schemaCheckPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The entry point; with {@link #checkSchemaOnStart} it checks the database first.
         * @return the entry point, immutable and thread-safe
         * @throws io.fcn.persistence.drift.SchemaDriftException when the start-up check's policy fails the report
         */
        public FcnPersistence build() {
            if (schemaCheckPolicy != null) {
                DriftCheck.of(dataSource).policy(schemaCheckPolicy).checkOnStart();
            }
            return new FcnPersistence(this);
        }
    }
}
