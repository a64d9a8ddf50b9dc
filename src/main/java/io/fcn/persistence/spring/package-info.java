/**
 * Spring Boot 4.0 auto-configuration of the library (docs/spring-boot.md): an {@code FcnPersistence} bean that joins
 * Spring-managed transactions, the library's migrations and drift check at start-up, the {@code fcnSchema} health
 * indicator in the readiness group, and the Micrometer meters. Spring Boot is an optional dependency: nothing here
 * loads unless the service runs Spring Boot.
 */
package io.fcn.persistence.spring;
