package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.TaskStorePortContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the TaskStorePort contract. */
class InMemoryTaskStoreTest extends TaskStorePortContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
