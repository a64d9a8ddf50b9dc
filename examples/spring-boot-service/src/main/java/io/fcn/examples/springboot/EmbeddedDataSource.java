package io.fcn.examples.springboot;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.fcn.persistence.embedded.EmbeddedDatabase;

/**
 * Without a datasource URL ({@code spring.datasource.url}, or {@code DATABASE_URL} through application.properties),
 * the service runs on the library's embedded database in a file, behind Boot's usual pool. Boot's own embedded H2
 * would lack the settings the library needs (docs/embedded.md), so it is not used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDataSource.NoDatasourceUrl.class)
class EmbeddedDataSource {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${fcn.example.embedded-file}") Path file) {
        return EmbeddedDatabase.file(file);
    }

    @Bean(destroyMethod = "close") // closed before the database it depends on, as docs/embedded.md asks
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        return pool;
    }

    static final class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
