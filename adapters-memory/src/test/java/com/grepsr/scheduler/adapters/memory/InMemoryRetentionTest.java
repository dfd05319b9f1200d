package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.RetentionPortsContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the retention contract. */
class InMemoryRetentionTest extends RetentionPortsContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
