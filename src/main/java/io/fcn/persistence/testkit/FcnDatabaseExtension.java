package io.fcn.persistence.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.database.ExternalSqlServer;

/**
 * The extension behind {@link FcnDatabaseTest}. Uses only the JUnit Jupiter 5.10 extension API (no class templates,
 * no newer store features), so it runs on Jupiter 5.10 and later, 6.x included.
 *
 * <p>The database belongs to the class carrying {@code @FcnDatabaseTest} (a {@code @Nested} class without its own
 * annotation shares its outer class's): opened on first use, emptied before each test, closed in that class's
 * {@code afterAll}. The SQL Server container is started once per run and shared by every class
 * ({@code SqlServerContainer}); each class gets a throwaway database on it.
 */
public final class FcnDatabaseExtension
        implements ExecutionCondition, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FcnDatabaseExtension.class);
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("no test class");
        }
        EngineSelection selection = selection(owner(context));
        if (selection.available()) {
            return ConditionEvaluationResult.enabled("runs on " + selection.engine().label());
        }
        String message = selection.skipMessage();
        if (ANNOUNCED.add(message)) {
            System.out.println(message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        if (owner.getUniqueId().equals(context.getUniqueId())) {
            KitDatabase database = owner.getStore(NAMESPACE).remove(KitDatabase.class, KitDatabase.class);
            if (database != null) {
                database.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FcnPersistence.class || type == DataSource.class || type == DSLContext.class
                || type == FcnTestClock.class || type == Database.class || type == TestEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestEngine.class) {
            return selection(owner(context)).engine();
        }
        KitDatabase database = database(context);
        if (type == FcnPersistence.class) {
            return database.persistence();
        } else if (type == DataSource.class) {
            return database.database().dataSource();
        } else if (type == DSLContext.class) {
            return database.persistence().dsl();
        } else if (type == FcnTestClock.class) {
            return database.clock();
        }
        return database.database();
    }

    private static KitDatabase database(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        EngineSelection selection = selection(owner);
        String version = settings(owner).map(FcnDatabaseTest::version).orElse("");
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(KitDatabase.class, k -> {
            if (!selection.available()) {
                // Only reached when something bypasses the condition (e.g. a @BeforeAll asking for a parameter).
                throw new ExtensionConfigurationException(selection.skipMessage());
            }
            return KitDatabase.open(selection.engine(), checkedVersion(version));
        }, KitDatabase.class);
    }

    private static String checkedVersion(String version) {
        try {
            return KitDatabase.checkedVersion(version);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private static EngineSelection selection(ExtensionContext owner) {
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(EngineSelection.class, k -> {
            EngineChoice annotated = settings(owner).map(FcnDatabaseTest::engine).orElse(EngineChoice.AUTO);
            try {
                return EngineSelection.select(annotated,
                        owner.getConfigurationParameter(EngineSelection.PROPERTY).orElse(null),
                        System.getenv(EngineSelection.ENV_VARIABLE),
                        ExternalSqlServer.fromEnvironment().isPresent(),
                        TestEngine::unavailableReason);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(e.getMessage(), e);
            }
        }, EngineSelection.class);
    }

    private static Optional<FcnDatabaseTest> settings(ExtensionContext owner) {
        return AnnotationSupport.findAnnotation(owner.getTestClass(), FcnDatabaseTest.class);
    }

    /**
     * The class context that owns the database: the innermost class carrying {@code @FcnDatabaseTest}, or the
     * outermost class when the extension was registered without it.
     */
    private static ExtensionContext owner(ExtensionContext context) {
        ExtensionContext outermostClass = null;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> element = c.getElement();
            if (element.isPresent() && element.get() instanceof Class<?> type) {
                if (AnnotationSupport.isAnnotated(type, FcnDatabaseTest.class)) {
                    return c;
                }
                outermostClass = c;
            }
        }
        if (outermostClass == null) {
            throw new ExtensionConfigurationException("FcnDatabaseExtension needs a test class");
        }
        return outermostClass;
    }
}
