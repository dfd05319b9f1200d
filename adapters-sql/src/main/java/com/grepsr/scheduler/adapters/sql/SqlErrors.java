package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.StoreConflictException;
import com.grepsr.scheduler.application.model.StoreUnavailableException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns "the database is not there" into {@link StoreUnavailableException}, whatever the driver
 * or pool says it with, and "this unit of work collided with another" (deadlock, serialization
 * failure) into {@link StoreConflictException}; every other error passes through unchanged. Installed as a jOOQ listener
 * (statements) and applied around transactions (connection acquisition, commit). Public for the
 * vendor strategies' statements on the bare JDBC connection, which no jOOQ listener sees.
 */
public final class SqlErrors implements ExecuteListener {

    SqlErrors() {
    }

    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException e = ctx.exception();
        if (e != null) {
            ctx.exception(translate(e));
        }
    }

    public static RuntimeException translate(RuntimeException e) {
        if (e instanceof StoreUnavailableException || e instanceof StoreConflictException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isConnectivity(t)) {
                return new StoreUnavailableException("database unavailable: " + t.getMessage(), e);
            }
            if (isConflict(t)) {
                return new StoreConflictException("concurrent update: " + t.getMessage(), e);
            }
        }
        return e;
    }

    /**
     * SQLSTATE 40001 (serialization failure; MySQL and MariaDB report a deadlock with it too) or
     * 40P01 (PostgreSQL's deadlock). The victim's whole transaction was rolled back, so running the
     * unit of work again is safe. A lock wait timeout (MySQL's HY000/1205) is not one: waiting
     * that long again would hold the caller past its deadline.
     */
    private static boolean isConflict(Throwable t) {
        return t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()));
    }

    private static boolean isConnectivity(Throwable t) {
        if (t instanceof SQLTransientConnectionException // HikariCP: no connection within the timeout
                || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
            return true;
        }
        // SQLSTATE class 08: connection exception, in every vendor's driver
        return t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08");
    }
}
