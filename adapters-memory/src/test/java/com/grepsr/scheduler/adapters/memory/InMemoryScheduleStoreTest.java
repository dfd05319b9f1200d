package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.ScheduleStorePortContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the ScheduleStorePort contract. */
class InMemoryScheduleStoreTest extends ScheduleStorePortContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
