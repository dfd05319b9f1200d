package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.port.out.TransactionPort;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The victim's transactions: tell the injector when the outermost one commits or rolls back. One
 * at a time (a processor puts several chunks in flight, each its own transaction): the injector
 * follows one open transaction, the one a crash point's step ran in and whose commit makes it
 * durable. The in-memory store runs them one at a time anyway; on SQL this keeps the harness's
 * bookkeeping exact, and ChaosIT covers chunks truly in flight together.
 */
final class FaultyTransactions implements TransactionPort {

    private final TransactionPort delegate;
    private final FaultInjector faults;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    FaultyTransactions(TransactionPort delegate, FaultInjector faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        oneAtATime.lock();
        try {
            faults.transactionStarted();
            boolean committed = false;
            try {
                T result = delegate.inTransaction(work);
                committed = true;
                return result;
            } finally {
                faults.transactionEnded(committed);
            }
        } finally {
            oneAtATime.unlock();
        }
    }
}
