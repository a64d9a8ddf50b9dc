package io.fcn.examples.springboot;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service on a random port over the library's embedded database in a file of its own under target/ (one per
 * JVM: Spring keeps this context for every test class that extends this one). No datasource URL, whatever the
 * environment says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=", "fcn.example.embedded-file=target/test-db/${random.uuid}/fcn"})
abstract class ServiceTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }
}
