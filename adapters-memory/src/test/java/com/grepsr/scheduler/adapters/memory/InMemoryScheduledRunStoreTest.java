package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.ScheduledRunStorePortContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the ScheduledRunStorePort contract. */
class InMemoryScheduledRunStoreTest extends ScheduledRunStorePortContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
