package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.event.ActivityEvent;

import java.util.List;

/**
 * Where activity events go once they leave the outbox: the platform's activity feed.
 * <p>
 * Contract:
 * <ul>
 *   <li>{@link #publish} writes the events one after the other, in the given order, so the events
 *       of one account reach the feed in the order they happened;</li>
 *   <li>idempotent by event id: publishing an event that is already there is a success and leaves
 *       one copy (the relay may retry, and several relay replicas may publish the same event);</li>
 *   <li>on the first failure it stops and throws {@link PublishFailedException} saying how many
 *       events, from the start of the list, are durably published; the rest were not attempted or
 *       did not land, and the caller retries them later.</li>
 * </ul>
 */
public interface ActivityPublisherPort {

    /**
     * Publishes {@code events} in order; returns normally only when every one of them is stored.
     *
     * @throws PublishFailedException when an event could not be stored (outage, throttling, …)
     */
    void publish(List<? extends ActivityEvent> events);

    /**
     * The feed could not take an event. {@link #published()} events from the start of the batch
     * are stored; nothing after them is known to be.
     */
    final class PublishFailedException extends RuntimeException {

        private final int published;

        public PublishFailedException(int published, String message, Throwable cause) {
            super(message, cause);
            if (published < 0) {
                throw new IllegalArgumentException("published must not be negative, was " + published);
            }
            this.published = published;
        }

        /** How many events, counted from the start of the batch, are stored. */
        public int published() {
            return published;
        }
    }
}
