package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.TaskQueuePortContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the TaskQueuePort contract. */
class InMemoryTaskQueueTest extends TaskQueuePortContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
