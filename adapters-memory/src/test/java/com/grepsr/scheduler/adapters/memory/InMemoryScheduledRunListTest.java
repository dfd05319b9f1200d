package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.ScheduledRunListContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the ScheduledRunStorePort list contract. */
class InMemoryScheduledRunListTest extends ScheduledRunListContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
