/**
 * What the library reports for metrics: {@link io.fcn.persistence.metrics.PersistenceObserver}, which the entry
 * point's builder takes, and {@link io.fcn.persistence.metrics.FcnMetrics}, its Micrometer implementation
 * (Micrometer is an optional dependency). docs/spring-boot.md lists the meters.
 */
package io.fcn.persistence.metrics;
