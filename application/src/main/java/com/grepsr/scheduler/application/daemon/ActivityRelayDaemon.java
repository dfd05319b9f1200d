package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.ActivityPublisherPort;
import com.grepsr.scheduler.application.port.out.ActivityPublisherPort.PublishFailedException;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The activity relay: moves events from the transactional outbox to the feed through
 * {@link ActivityPublisherPort}, oldest first, and marks them delivered once they are stored.
 * <p>
 * Why it is safe:
 * <ul>
 *   <li>never loses an event: an event is marked delivered only after the publisher says it is
 *       stored; a failure leaves it in the outbox for the next tick;</li>
 *   <li>keeps each account's order: a batch is published in outbox order and stops at the first
 *       failure, so no event is stored before the ones appended ahead of it;</li>
 *   <li>any number of replicas may run it: two replicas may publish the same event, which the
 *       publisher's idempotency (by event id) turns into one copy, and marking twice is a no-op.</li>
 * </ul>
 * When publishing fails the relay backs off exponentially (bounded, with optional jitter so
 * replicas do not hammer a throttled table in step) and a tick inside the back-off does nothing.
 * Drive it with a {@link DaemonLoop}: {@code new DaemonLoop("activity-relay", clock,
 * now -> relay.tick(now).nextDelay(), settings.maxBackoff())}.
 */
public final class ActivityRelayDaemon {

    private static final System.Logger LOG = System.getLogger(ActivityRelayDaemon.class.getName());

    private final ActivityOutboxPort outbox;
    private final ActivityPublisherPort publisher;
    private final TransactionPort tx;
    private final ActivityRelaySettings settings;
    private final DoubleSupplier random;
    // a replica's own back-off; replicas need not agree, the publisher's idempotency covers them
    private int consecutiveFailures;
    private Instant retryAt;

    /**
     * What one tick did.
     *
     * @param published  events stored and marked delivered in this tick
     * @param failed     whether the tick ended in a failure (the relay is now backing off)
     * @param nextDelay  how long to sleep before the next tick: zero when more events wait, the
     *                   back-off after a failure, the idle delay when the outbox is drained
     */
    public record TickResult(int published, boolean failed, Duration nextDelay) {
    }

    /** A relay whose back-off jitter draws from {@link Math#random()}. */
    public ActivityRelayDaemon(ActivityOutboxPort outbox, ActivityPublisherPort publisher, TransactionPort tx,
                               ActivityRelaySettings settings) {
        this(outbox, publisher, tx, settings, Math::random);
    }

    /** @param random uniform numbers in [0, 1) for the back-off jitter (fixed in tests) */
    public ActivityRelayDaemon(ActivityOutboxPort outbox, ActivityPublisherPort publisher, TransactionPort tx,
                               ActivityRelaySettings settings, DoubleSupplier random) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Publishes undelivered events, batch after batch, until the outbox is drained, a failure
     * happens, or {@link ActivityRelaySettings#maxBatchesPerTick()} batches are done. Never throws
     * for a failing publisher or outbox: it backs off instead.
     */
    public synchronized TickResult tick(Instant now) {
        if (retryAt != null && now.isBefore(retryAt)) {
            return new TickResult(0, false, Duration.between(now, retryAt));
        }
        int published = 0;
        try {
            for (int b = 0; b < settings.maxBatchesPerTick(); b++) {
                List<ActivityEvent> batch = outbox.undelivered(settings.batchSize());
                if (batch.isEmpty()) {
                    return succeeded(published, settings.idleDelay());
                }
                Delivery d = deliver(batch);
                published += d.stored();
                if (d.failure() != null) {
                    return failed(now, published, d.failure());
                }
                if (batch.size() < settings.batchSize()) {
                    return succeeded(published, settings.idleDelay());
                }
            }
            return succeeded(published, Duration.ZERO); // more may wait: come back at once
        } catch (RuntimeException e) {
            return failed(now, published, e); // the outbox itself failed (e.g. its database is down)
        }
    }

    /** How many ticks in a row have failed (0 when the last one went through). */
    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** When the relay publishes again after a failure; empty when it is not backing off. */
    public synchronized Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    /** How a batch went: how many of its first events are stored and marked, and why it stopped. */
    private record Delivery(int stored, RuntimeException failure) {
    }

    /** Publishes one batch and marks what got stored; on a partial failure marks the stored prefix. */
    private Delivery deliver(List<ActivityEvent> batch) {
        try {
            publisher.publish(batch);
        } catch (PublishFailedException e) {
            int stored = Math.min(e.published(), batch.size());
            markDelivered(batch.subList(0, stored));
            return new Delivery(stored, e);
        } catch (RuntimeException e) {
            return new Delivery(0, e); // a publisher that broke its contract: assume nothing is stored
        }
        markDelivered(batch);
        return new Delivery(batch.size(), null);
    }

    private void markDelivered(List<ActivityEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<EventId> ids = events.stream().map(ActivityEvent::id).toList();
        // if this fails the events stay undelivered and are published again: harmless, the publisher is idempotent
        tx.run(() -> outbox.markDelivered(ids));
    }

    private TickResult succeeded(int published, Duration next) {
        if (consecutiveFailures > 0) {
            LOG.log(Level.INFO, "activity relay recovered after " + consecutiveFailures + " failed attempt(s)");
        }
        consecutiveFailures = 0;
        retryAt = null;
        return new TickResult(published, false, next);
    }

    private TickResult failed(Instant now, int published, RuntimeException e) {
        consecutiveFailures++;
        Duration delay = settings.backoff().delay(consecutiveFailures, random);
        retryAt = now.plus(delay);
        String message = "activity relay: publishing failed (attempt " + consecutiveFailures + ", " + published
                + " event(s) delivered first); retrying in " + delay + ": " + e;
        // the stack trace once per outage is enough; a long outage would otherwise flood the log
        if (consecutiveFailures == 1) {
            LOG.log(Level.WARNING, message, e);
        } else {
            LOG.log(Level.WARNING, message);
        }
        return new TickResult(published, true, delay);
    }
}
