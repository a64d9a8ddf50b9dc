package io.fcn.persistence.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a benchmark class whose fixtures or shots are expensive (1,000,000 rows, seconds per shot): by default
 * {@link BenchMain} runs it on the embedded engine and on one TCP engine only, the T-SQL engine when one is
 * configured, else H2 in server mode, so that the whole command stays within 10 minutes on 2 cores. An explicit
 * {@code -p engine=…} runs it on exactly those engines.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OneTcpEngine {
}
