package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.Stores;
import com.grepsr.scheduler.application.races.TimingChangeRaceChecks;

import java.time.Clock;

/** A schedule change racing the calculator, on the in-memory stores. */
class InMemoryTimingChangeRaceTest extends TimingChangeRaceChecks {

    @Override
    protected Stores newStores(Clock clock) {
        return InMemoryStores.fresh(clock);
    }
}
