package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.BatchWritePortsContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the batch-write contract. */
class InMemoryBatchWritesTest extends BatchWritePortsContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
