package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.port.out.TransactionPort;
import org.jooq.DSLContext;

import java.util.function.Supplier;

/**
 * Transactions through jOOQ. The transaction's {@link DSLContext} is bound to the thread while
 * the work runs, and every store asks {@link #dsl()} for it, so all their statements share the
 * one connection and commit or roll back together (outbox included). A nested call joins the
 * outer transaction instead of opening a savepoint: the port promises all or nothing for the
 * whole unit. Outside a transaction each statement commits on its own.
 */
public final class SqlTransactions implements TransactionPort {

    private final DSLContext root;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    SqlTransactions(DSLContext root) {
        this.root = root;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try {
            // jOOQ rolls back on any exception and rethrows runtime exceptions unchanged
            return root.transactionResult(cfg -> {
                current.set(cfg.dsl());
                try {
                    return work.get();
                } finally {
                    current.remove();
                }
            });
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** The running transaction's context on this thread, or the auto-commit one. */
    DSLContext dsl() {
        DSLContext tx = current.get();
        return tx != null ? tx : root;
    }
}
