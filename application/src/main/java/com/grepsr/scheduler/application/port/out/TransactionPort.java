package com.grepsr.scheduler.application.port.out;

import java.util.function.Supplier;

/**
 * A unit of work over the stores: everything written inside {@link #inTransaction} commits
 * together or not at all (the activity outbox relies on it). Nested calls join the outer one.
 */
public interface TransactionPort {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
