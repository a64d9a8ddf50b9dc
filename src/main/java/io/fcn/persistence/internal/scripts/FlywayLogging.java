package io.fcn.persistence.internal.scripts;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Where Flyway logs when it runs the library's migrations: the library's logger {@value #LOGGER}, with Flyway's
 * INFO and WARN lines at DEBUG and its DEBUG lines at TRACE, so that a service or a test run through the kit shows
 * one summary line per migrate ({@link FlywaySetup#migrate}) instead of Flyway's steps, and the H2 version warning
 * not at all. Errors stay errors. Named in the configuration by class name ({@code loggers}); Flyway instantiates
 * it, hence public with a public constructor.
 */
public final class FlywayLogging implements LogCreator {

    /** The logger of Flyway's detail: set it to DEBUG (java.util.logging FINE) to see Flyway's INFO and WARN. */
    public static final String LOGGER = "io.fcn.persistence.flyway";

    private static final Logger LOG = System.getLogger(LOGGER);

    public FlywayLogging() {
    }

    @Override
    public Log createLogger(Class<?> clazz) {
        return LIBRARY_LOG;
    }

    private static final Log LIBRARY_LOG = new Log() {
        @Override
        public boolean isDebugEnabled() {
            return LOG.isLoggable(Level.TRACE);
        }

        @Override
        public void debug(String message) {
            LOG.log(Level.TRACE, message);
        }

        @Override
        public void info(String message) {
            LOG.log(Level.DEBUG, message);
        }

        @Override
        public void notice(String message) {
            LOG.log(Level.DEBUG, message);
        }

        @Override
        public void warn(String message) {
            LOG.log(Level.DEBUG, message);
        }

        @Override
        public void error(String message) {
            LOG.log(Level.ERROR, message);
        }

        @Override
        public void error(String message, Exception e) {
            LOG.log(Level.ERROR, message, e);
        }
    };
}
