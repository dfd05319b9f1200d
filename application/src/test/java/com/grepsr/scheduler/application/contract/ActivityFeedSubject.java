package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.port.out.ActivityFeedPort;
import com.grepsr.scheduler.application.port.out.ActivityPublisherPort;
import com.grepsr.scheduler.domain.event.EventId;

import java.util.function.ToIntFunction;

/**
 * An activity feed under test: the publisher that writes it, the port that reads it, and a look
 * into storage that counts the copies of an event (the idempotency check must not trust the
 * feed query, which could hide a duplicate).
 */
public record ActivityFeedSubject(ActivityPublisherPort publisher, ActivityFeedPort feed,
                                  ToIntFunction<EventId> storedCopies) {
}
