package com.grepsr.scheduler.domain.event;

import com.grepsr.scheduler.domain.common.Checks;

/** Identifies an activity event; the idempotency key of its delivery. */
public record EventId(String value) implements Comparable<EventId> {

    public EventId {
        Checks.id("event_id", value);
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public int compareTo(EventId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
