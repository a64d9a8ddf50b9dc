package io.fcn.persistence.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.template.NewTemplate;

/**
 * The process {@link KillNineTest} kills: it opens the library's embedded file database through the public API with
 * a pool that keeps a connection open (as a service's pool does), then either commits templates one by one through
 * {@code inTransaction}, printing each id once the call has returned, or runs the migrations, each statement
 * waiting for the parent's go.
 */
public final class KillNineChild {

    private KillNineChild() {
    }

    /**
     * {@code commit <path> <first id>} or {@code migrate <path>}.
     * @param args the mode, the database path and, to commit, the first number
     * @throws Exception whatever fails; the parent sees the exit
     */
    public static void main(String[] args) throws Exception {
        EmbeddedDatabase h2 = EmbeddedDatabase.file(Path.of(args[1]));
        JdbcConnectionPool pool = JdbcConnectionPool.create(h2.jdbcUrl(), h2.user(), h2.password());
        try (Connection held = pool.getConnection()) { // held until killed: the database stays open
            if (args[0].equals("migrate")) {
                System.out.println("migrating");
                System.out.flush();
                FcnMigrations.migrate(gated(pool));
                System.out.println("migrated");
                System.out.flush();
                return;
            }
            FcnPersistence fcn = FcnPersistence.builder(pool).build();
            System.out.println("ready");
            System.out.flush();
            for (int i = Integer.parseInt(args[2]); ; i++) {
                String id = "TPL-" + i;
                fcn.inTransaction(() -> {
                    fcn.templates().create(NewTemplate.builder().templateId(id).name("FCN").specVersion("1.0")
                            .issuer("Bank A").parameters("{}").active().build());
                });
                System.out.println(id);
                System.out.flush();
            }
        }
    }

    private static final BufferedReader PARENT = new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8));

    /**
     * {@code dataSource} whose statements each wait for the parent: the child prints {@code sql} and runs the
     * statement once the parent answers, so the parent kills it exactly between two statements of its choice.
     */
    private static DataSource gated(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(KillNineChild.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection c ? gated(c, Connection.class) : result;
                });
    }

    private static <T> T gated(T target, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(KillNineChild.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (target instanceof Statement && method.getName().startsWith("execute")) {
                        System.out.println("sql");
                        System.out.flush();
                        if (PARENT.readLine() == null) {
                            Runtime.getRuntime().halt(3);
                        }
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof CallableStatement s) {
                        return gated(s, CallableStatement.class);
                    }
                    if (result instanceof PreparedStatement s) {
                        return gated(s, PreparedStatement.class);
                    }
                    return result instanceof Statement s ? gated(s, Statement.class) : result;
                }));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
