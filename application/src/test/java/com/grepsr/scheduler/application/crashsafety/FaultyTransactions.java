package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.port.out.TransactionPort;

import java.util.function.Supplier;

/** The victim's transactions: tell the injector when the outermost one commits or rolls back. */
final class FaultyTransactions implements TransactionPort {

    private final TransactionPort delegate;
    private final FaultInjector faults;

    FaultyTransactions(TransactionPort delegate, FaultInjector faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        faults.transactionStarted();
        boolean committed = false;
        try {
            T result = delegate.inTransaction(work);
            committed = true;
            return result;
        } finally {
            faults.transactionEnded(committed);
        }
    }
}
