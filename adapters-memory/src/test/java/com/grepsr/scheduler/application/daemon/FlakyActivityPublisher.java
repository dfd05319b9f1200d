package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.adapters.memory.InMemoryActivityPublisher;
import com.grepsr.scheduler.application.port.out.ActivityPublisherPort;
import com.grepsr.scheduler.domain.event.ActivityEvent;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * An in-memory feed that fails when told to, one event at a time as a remote store would: it
 * stores the events before the failing one and reports how many, per the port's contract.
 */
final class FlakyActivityPublisher implements ActivityPublisherPort {

    final InMemoryActivityPublisher feed = new InMemoryActivityPublisher();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile IntPredicate failAttempt = n -> false;

    /** Fails every attempt whose number (1, 2, …, counted over all events ever tried) matches. */
    FlakyActivityPublisher failingWhen(IntPredicate attempt) {
        this.failAttempt = attempt;
        return this;
    }

    FlakyActivityPublisher down() {
        return failingWhen(n -> true);
    }

    FlakyActivityPublisher healed() {
        return failingWhen(n -> false);
    }

    /** How many single-event writes were tried, duplicates and failures included. */
    int attempts() {
        return attempts.get();
    }

    @Override
    public void publish(List<? extends ActivityEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (failAttempt.test(attempts.incrementAndGet())) {
                throw new PublishFailedException(i, "simulated throttling", new IllegalStateException("503"));
            }
            feed.publish(List.of(events.get(i)));
            Thread.yield(); // lets racing relays interleave between single writes
        }
    }
}
