package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.TaskHistoryStorePortContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the TaskHistoryStorePort contract. */
class InMemoryTaskHistoryStoreTest extends TaskHistoryStorePortContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
