package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.port.out.TransactionPort;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions for the in-memory stores: one lock makes them serial (isolation), and an undo
 * log per transaction makes a failed one leave nothing behind (atomicity). Stores call
 * {@link #write(Runnable, Runnable)} for every change; outside a transaction a write is its own.
 */
public final class InMemoryTransactions implements TransactionPort {

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Deque<Runnable>> undo = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (undo.get() != null) {
                return work.get(); // nested: join the outer transaction
            }
            Deque<Runnable> log = new ArrayDeque<>();
            undo.set(log);
            try {
                return work.get();
            } catch (Throwable e) {
                // any throwable, even a checked one thrown sneakily, undoes the work
                while (!log.isEmpty()) {
                    log.pop().run();
                }
                throw e;
            } finally {
                undo.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether this thread is inside a transaction (which holds the lock until it ends). */
    boolean open() {
        return undo.get() != null;
    }

    /** Applies {@code change} under the lock, remembering {@code reverse} in case the transaction fails. */
    void write(Runnable change, Runnable reverse) {
        lock.lock();
        try {
            change.run();
            Deque<Runnable> log = undo.get();
            if (log != null) {
                log.push(reverse);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read or a compound check-and-write atomically with respect to transactions. */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
