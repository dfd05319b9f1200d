package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.ActivityOutboxPortContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the ActivityOutboxPort contract. */
class InMemoryActivityOutboxTest extends ActivityOutboxPortContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
