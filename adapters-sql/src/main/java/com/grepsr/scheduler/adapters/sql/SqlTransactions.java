package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.vendor.VendorStrategy;
import com.grepsr.scheduler.application.model.StoreConflictException;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.application.retry.Backoff;
import org.jooq.DSLContext;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Transactions through jOOQ. The transaction's {@link DSLContext} is bound to the thread while
 * the work runs, and every store asks {@link #dsl()} for it, so all their statements share the
 * one connection and commit or roll back together (outbox included). A nested call joins the
 * outer transaction instead of opening a savepoint: the port promises all or nothing for the
 * whole unit. Outside a transaction each statement commits on its own.
 */
public final class SqlTransactions implements TransactionPort {

    /**
     * Attempts of one unit of work that keeps meeting deadlocks or serialization failures. 5 were
     * not enough once: a schedule change on MariaDB lost 5 deadlocks in a row to two calculators
     * ticking without pause (`TimingFlipChecks`); 8, with pauses up to 160 ms, give up only after
     * about a second of losing.
     */
    static final int ATTEMPTS = 8;
    /** Up to 10, 20, 40, 80, 160 ms, at random: the rivals of a deadlock spread out instead of colliding again. */
    private static final Backoff RETRY_PAUSE = Backoff.doubling(Duration.ofMillis(10), Duration.ofMillis(160))
            .withJitter(Backoff.FULL_JITTER);
    private static final Object H2_LOCKING_READS = new Object();
    private final DSLContext root;
    private final VendorStrategy vendor;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    SqlTransactions(DSLContext root, VendorStrategy vendor) {
        this.root = root;
        this.vendor = vendor;
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
                pauseAfterFailures(attempt);
            }
        }
    }

    private static void pauseAfterFailures(int failures) {
        try {
            TimeUnit.NANOSECONDS.sleep(RETRY_PAUSE.delay(failures).toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreConflictException("interrupted while retrying a conflicting transaction", e);
        }
    }

    /**
     * Runs {@code work} in a transaction, and where the vendor's SKIP LOCKED skips rows no one
     * took (H2: it locks every row a {@code FOR UPDATE} query's WHERE matches, not just the rows
     * it returns) one caller at a time in this JVM: a concurrent claimer or taker would get
     * nothing, or later items before earlier ones. H2 is the single-process embedded store, so a
     * JVM lock restores order. (Inside a caller's longer transaction the lock ends before its commit.)
     */
    <T> T oneAtATimeOnH2(Supplier<T> work) {
        if (!vendor.serializesSkipLockedReads()) {
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
