package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The transactional outbox of activity events. {@link #append} is called inside the transaction
 * that made the change, so the event exists if and only if the change does; a relay later
 * publishes undelivered events and marks them delivered.
 */
public interface ActivityOutboxPort {

    /** Adds an event in the caller's transaction. */
    void append(ActivityEvent event);

    /** Up to {@code limit} undelivered events, oldest first (the order they were appended). */
    List<ActivityEvent> undelivered(int limit);

    /** Marks events delivered; unknown or already delivered ids are ignored (idempotent). */
    void markDelivered(Collection<EventId> ids);

    /**
     * Retention: deletes at most {@code limit} delivered events that occurred before
     * {@code cutoff}, oldest first; returns how many. An undelivered event never goes.
     */
    int deleteDeliveredBefore(Instant cutoff, int limit);
}
