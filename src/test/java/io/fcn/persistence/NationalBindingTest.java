package io.fcn.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.testkit.FcnTestClock;

/**
 * The repositories bind every NVARCHAR column's value as a national string ({@code setNString}), which the driver
 * sends as NVARCHAR whatever {@code sendStringParametersAsUnicode} says, and other strings with {@code setString}.
 * Seen at the JDBC boundary, through a recording proxy around the engine's DataSource.
 */
@AllEngines
class NationalBindingTest {

    @Test
    void nvarcharValuesAreBoundAsNationalStrings(DataSource dataSource, FcnTestClock clock, TsqlGuardListener guard) {
        Recorder recorder = new Recorder();
        FcnPersistence fcn = FcnPersistence.builder(recorder.wrap(DataSource.class, dataSource)).clock(clock)
                .executeListener(guard).build();

        List<NationalColumnWrites.Write> writes = NationalColumnWrites.writeAndReadBack(fcn);

        for (NationalColumnWrites.Write write : writes) {
            String what = write.column() + " written by " + write.path();
            assertTrue(recorder.bound("setNString").contains(write.written()), what + " is bound with setNString");
            assertFalse(recorder.bound("setString").contains(write.written()), what + " is never bound with setString");
        }
        // The recorder sees plain strings too: the VARCHAR business keys go through setString.
        assertTrue(recorder.bound("setString").contains("TRD-N"));
        assertFalse(recorder.bound("setNString").contains("TRD-N"));
        assertEquals(NationalColumnWrites.nationalColumns().size(),
                writes.stream().map(NationalColumnWrites.Write::column).distinct().count());
    }

    /** Records the string values given to each setter of every PreparedStatement. */
    private static final class Recorder {
        private final List<String[]> calls = Collections.synchronizedList(new ArrayList<>());

        List<String> bound(String setter) {
            synchronized (calls) {
                return calls.stream().filter(c -> c[0].equals(setter)).map(c -> c[1]).toList();
            }
        }

        @SuppressWarnings("unchecked")
        <T> T wrap(Class<T> type, T target) {
            InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
            return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
        }

        private Object invoke(Object target, Method method, Object[] args) throws Throwable {
            if ((method.getName().equals("setString") || method.getName().equals("setNString"))
                    && args[1] instanceof String value) {
                calls.add(new String[] {method.getName(), value});
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                return wrap(Connection.class, c);
            }
            if (result instanceof PreparedStatement s && method.getReturnType() == PreparedStatement.class) {
                return wrap(PreparedStatement.class, s);
            }
            return result;
        }
    }
}
