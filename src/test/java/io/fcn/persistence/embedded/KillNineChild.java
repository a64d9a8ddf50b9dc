package io.fcn.persistence.embedded;

import java.nio.file.Path;
import java.sql.Connection;

import org.h2.jdbcx.JdbcConnectionPool;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.template.NewTemplate;

/**
 * The process {@link KillNineTest} kills: it opens the library's embedded file database through the public API with
 * a pool that keeps a connection open (as a service's pool does), then either commits templates one by one through
 * {@code inTransaction}, printing each id once the call has returned, or runs the migrations.
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
                FcnMigrations.migrate(pool);
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
}
