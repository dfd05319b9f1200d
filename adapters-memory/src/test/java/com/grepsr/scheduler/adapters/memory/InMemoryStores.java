package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.Stores;

import java.time.Clock;
import java.time.Duration;

/** Fresh in-memory stores for the port contracts. */
final class InMemoryStores {

    private InMemoryStores() {
    }

    static Stores fresh(Clock clock) {
        InMemoryAdapters a = new InMemoryAdapters(clock, Duration.ofMinutes(1));
        return new Stores(a.transactions, a.schedules, a.runs, a.tasks, a.history, a.queue, a.outbox, a.requests);
    }
}
