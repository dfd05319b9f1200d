package com.grepsr.scheduler.benchmarks.horizon;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SQL statements executed through a {@link DataSource}: every {@code execute*} call on a
 * statement it handed out (a JDBC batch counts once: it is one round trip), plus commits. How the
 * benchmark shows what one calculator tick costs the database, independent of timing noise.
 */
final class StatementCounter {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    long statements() {
        return statements.get();
    }

    long commits() {
        return commits.get();
    }

    void reset() {
        statements.set(0);
        commits.set(0);
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, this::onConnectionCall) : result);
    }

    private Object onConnectionCall(Method method, Object result) {
        if (method.getName().equals("commit")) {
            commits.incrementAndGet();
        }
        if (result instanceof Statement s) {
            Class<? extends Statement> type = method.getName().equals("prepareCall") ? java.sql.CallableStatement.class
                    : method.getName().equals("prepareStatement") ? java.sql.PreparedStatement.class : Statement.class;
            return proxy(type, s, (m, r) -> r);
        }
        return result;
    }

    private interface AfterCall {
        Object apply(Method method, Object result);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (p, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target; // the driver's own object, e.g. for PostgreSQL's COPY API
            }
            if (Statement.class.isAssignableFrom(type) && method.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
