package io.fcn.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.migration.FcnMigrations;

/** docs/embedded.md's code, held equal to it by DocumentationSnippetsTest. */
class EmbeddedDocsExampleTest {

    @Test
    void aServicesOwnPoolOverTheEmbeddedDatabase() {
        // snippet: embedded-pool
        EmbeddedDatabase h2 = EmbeddedDatabase.inMemory();   // private, lives until h2.close()
        // or EmbeddedDatabase.file(Path.of("data/fcn")): data/fcn.mv.db, survives the process

        // h2.dataSource() is a plain H2 DataSource; or build your own pool (HikariCP alike) from the URL:
        JdbcConnectionPool pool = JdbcConnectionPool.create(h2.jdbcUrl(), h2.user(), h2.password());

        FcnMigrations.migrate(pool);
        FcnPersistence fcn = FcnPersistence.builder(pool).build();
        // end snippet
        try {
            assertEquals(0, fcn.templates().list(io.fcn.persistence.template.TemplateFilter.all(),
                    io.fcn.persistence.paging.PageRequest.of(1, 10)).totalItems());
        } finally {
            pool.dispose();
            h2.close();
        }
    }
}
