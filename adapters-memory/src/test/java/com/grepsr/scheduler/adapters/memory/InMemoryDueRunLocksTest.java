package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.DueRunLocksContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory run store's lean claim against its contract. */
class InMemoryDueRunLocksTest extends DueRunLocksContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
