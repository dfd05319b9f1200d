package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.ScheduledRunReadsContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the daemons' reads of scheduled runs. */
class InMemoryScheduledRunReadsTest extends ScheduledRunReadsContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
