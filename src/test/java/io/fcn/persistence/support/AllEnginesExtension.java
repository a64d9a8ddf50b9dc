package io.fcn.persistence.support;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.testkit.DatabaseCleaner;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.testkit.TestEngine;

/** See {@link AllEngines}. */
final class AllEnginesExtension implements ClassTemplateInvocationContextProvider {

    /** Each skipped engine is announced once per test run, not once per class. */
    private static final ConcurrentHashMap<TestEngine, Boolean> ANNOUNCED = new ConcurrentHashMap<>();

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        boolean migrated = context.getRequiredTestClass().getAnnotation(AllEngines.class).migrated();
        return Arrays.stream(TestEngine.values())
                .filter(engine -> engine.unavailableReason().map(reason -> {
                    if (ANNOUNCED.putIfAbsent(engine, true) == null) {
                        System.out.println("[fcn-persistence] " + engine.label() + " runs skipped: " + reason);
                    }
                    return false;
                }).orElse(true))
                .map(engine -> new Invocation(engine, migrated));
    }

    private record Invocation(TestEngine engine, boolean migrated) implements ClassTemplateInvocationContext {
        @Override
        public String getDisplayName(int index) {
            return engine.label();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new EngineDatabase(engine, migrated));
        }
    }

    /**
     * One database per class invocation: opened and migrated on first use, emptied before each test, dropped when
     * the invocation ends.
     */
    static final class EngineDatabase implements BeforeEachCallback, ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(EngineDatabase.class);

        private final TestEngine engine;
        private final boolean migrated;

        EngineDatabase(TestEngine engine, boolean migrated) {
            this.engine = engine;
            this.migrated = migrated;
        }

        private Opened opened(ExtensionContext context) {
            // A migrated database is shared by the class's tests (emptied before each) and closes when this
            // engine's run of the class ends; an unmigrated one is each test's own, since tests migrate it.
            ExtensionContext owner = context.getTestMethod().isPresent() && migrated
                    ? context.getParent().orElseThrow()
                    : context;
            return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Opened.class, k -> open(), Opened.class);
        }

        private Opened open() {
            Database database = engine.open();
            if (migrated) {
                FcnMigrations.migrate(database.dataSource());
            }
            FcnTestClock clock = new FcnTestClock(START);
            TsqlGuardListener guard = new TsqlGuardListener();
            FcnPersistence persistence = FcnPersistence.builder(database.dataSource())
                    .clock(clock).executeListener(guard).build();
            return new Opened(database, persistence, clock, guard);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            Opened opened = opened(context);
            opened.clock().set(START);
            if (migrated) {
                DatabaseCleaner.deleteAll(opened.persistence().dsl());
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            Class<?> type = p.getParameter().getType();
            return type == FcnPersistence.class || type == Database.class || type == DataSource.class
                    || type == DSLContext.class || type == FcnTestClock.class || type == TsqlGuardListener.class
                    || type == TestEngine.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            Class<?> type = p.getParameter().getType();
            if (type == TestEngine.class) {
                return engine;
            }
            Opened opened = opened(e);
            if (type == FcnPersistence.class) {
                return opened.persistence();
            } else if (type == Database.class) {
                return opened.database();
            } else if (type == DataSource.class) {
                return opened.database().dataSource();
            } else if (type == DSLContext.class) {
                return opened.persistence().dsl();
            } else if (type == FcnTestClock.class) {
                return opened.clock();
            }
            return opened.guard();
        }
    }

    static final Instant START = Instant.parse("2026-01-15T09:30:00.123456Z");

    record Opened(Database database, FcnPersistence persistence, FcnTestClock clock, TsqlGuardListener guard)
            implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
