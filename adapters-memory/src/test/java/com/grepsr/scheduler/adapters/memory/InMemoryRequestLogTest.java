package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.RequestLogPortContract;
import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;

/** The in-memory stores against the RequestLogPort contract. */
class InMemoryRequestLogTest extends RequestLogPortContract {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
