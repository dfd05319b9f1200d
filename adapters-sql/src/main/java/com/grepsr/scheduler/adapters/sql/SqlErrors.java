package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.StoreUnavailableException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns "the database is not there" into {@link StoreUnavailableException}, whatever the driver
 * or pool says it with; every other error passes through unchanged. Installed as a jOOQ listener
 * (statements) and applied around transactions (connection acquisition, commit).
 */
final class SqlErrors implements ExecuteListener {

    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException e = ctx.exception();
        if (e != null) {
            ctx.exception(translate(e));
        }
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof StoreUnavailableException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isConnectivity(t)) {
                return new StoreUnavailableException("database unavailable: " + t.getMessage(), e);
            }
        }
        return e;
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
