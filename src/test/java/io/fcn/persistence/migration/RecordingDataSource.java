package io.fcn.persistence.migration;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

/** A DataSource that records the SQL text of every statement executed or prepared through it, in order. */
final class RecordingDataSource {

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final DataSource proxy;

    RecordingDataSource(DataSource target) {
        this.proxy = wrap(DataSource.class, target);
    }

    DataSource dataSource() {
        return proxy;
    }

    List<String> statements() {
        return List.copyOf(statements);
    }

    void clear() {
        statements.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = (p, method, args) -> invoke(target, method, args);
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private Object invoke(Object target, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (args != null && args.length > 0 && args[0] instanceof String sql
                && (name.startsWith("execute") || name.equals("addBatch") || name.startsWith("prepare"))) {
            statements.add(sql);
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
        if (result instanceof Statement s && method.getReturnType() == Statement.class) {
            return wrap(Statement.class, s);
        }
        return result;
    }
}
