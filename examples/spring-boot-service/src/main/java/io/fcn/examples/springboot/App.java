package io.fcn.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The FCN trade API over fcn-persistence. The library's auto-configuration supplies the {@code FcnPersistence} bean,
 * its migrations before the service's own Flyway, the {@code fcnSchema} health indicator and the meters.
 *
 * <pre>./mvnw -B -f examples/spring-boot-service/pom.xml spring-boot:run</pre>
 */
@SpringBootApplication
public class App {

    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }
}
