package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.TransactionPortContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the TransactionPort contract. */
class InMemoryTransactionsTest extends TransactionPortContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
