package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.StoreConflictException;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Transactions through jOOQ. The transaction's {@link DSLContext} is bound to the thread while
 * the work runs, and every store asks {@link #dsl()} for it, so all their statements share the
 * one connection and commit or roll back together (outbox included). A nested call joins the
 * outer transaction instead of opening a savepoint: the port promises all or nothing for the
 * whole unit. Outside a transaction each statement commits on its own.
 */
public final class SqlTransactions implements TransactionPort {

    /** Attempts of one unit of work that keeps meeting deadlocks or serialization failures. */
    static final int ATTEMPTS = 5;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(10);
    private static final Object H2_LOCKING_READS = new Object();
    private final DSLContext root;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    SqlTransactions(DSLContext root) {
        this.root = root;
    }

    /**
     * Runs {@code work} in one transaction. A deadlock or serialization failure rolls the whole
     * unit back and runs it again, up to {@link #ATTEMPTS} times in all with a jittered pause
     * (the victim retrying at once would meet the same rival); then it surfaces as
     * {@link StoreConflictException}. The work must only
     * touch the stores, or be safe to repeat: everything else it did is not rolled back.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get(); // joins the outer unit, which retries as a whole
        }
        for (int attempt = 1; ; attempt++) {
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
                RuntimeException translated = SqlErrors.translate(e);
                if (!(translated instanceof StoreConflictException) || attempt == ATTEMPTS) {
                    throw translated;
                }
                pauseBeforeAttempt(attempt + 1);
            }
        }
    }

    /** Up to 10, 20, 40, 80 ms, at random: the rivals of a deadlock spread out instead of colliding again. */
    private static void pauseBeforeAttempt(int attempt) {
        long bound = RETRY_PAUSE.toMillis() << (attempt - 2);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreConflictException("interrupted while retrying a conflicting transaction", e);
        }
    }

    /**
     * Runs {@code work} in a transaction, and on H2 one caller at a time in this JVM. H2 locks
     * every row a {@code FOR UPDATE} query's WHERE matches, not just the rows it returns, so
     * SKIP LOCKED there skips rows no one took: a concurrent claimer or taker would get nothing,
     * or later items before earlier ones. H2 is the single-process embedded store, so a JVM lock
     * restores order. (Inside a caller's longer transaction the lock ends before its commit.)
     */
    <T> T oneAtATimeOnH2(Supplier<T> work) {
        if (root.dialect() != SQLDialect.H2) {
            return inTransaction(work);
        }
        synchronized (H2_LOCKING_READS) {
            return inTransaction(work);
        }
    }

    /** Whether this thread is inside a transaction. */
    boolean open() {
        return current.get() != null;
    }

    /** The running transaction's context on this thread, or the auto-commit one. */
    DSLContext dsl() {
        DSLContext tx = current.get();
        return tx != null ? tx : root;
    }
}
