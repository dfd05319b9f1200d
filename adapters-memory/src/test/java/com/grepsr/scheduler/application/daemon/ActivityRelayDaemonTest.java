package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.adapters.memory.InMemoryActivityOutbox;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.daemon.ActivityRelayDaemon.TickResult;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.grepsr.scheduler.application.contract.ActivityEventSamples.T0;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdAt;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.report;
import static org.assertj.core.api.Assertions.assertThat;

class ActivityRelayDaemonTest {

    static final ActivityRelaySettings SETTINGS = new ActivityRelaySettings(5, 10, Duration.ofSeconds(1),
            Duration.ofMillis(100), Duration.ofSeconds(1), 0);

    final InMemoryAdapters adapters = new InMemoryAdapters(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(1));
    final InMemoryActivityOutbox outbox = adapters.outbox;
    final FlakyActivityPublisher publisher = new FlakyActivityPublisher();

    @Test
    void delivers_every_event_in_outbox_order_and_marks_it_delivered() {
        List<ActivityEvent> events = appendAlternating(8, report("acct-1", "rep-1"), report("acct-2", "rep-2"));

        TickResult r = relay(SETTINGS).tick(T0);

        assertThat(r).isEqualTo(new TickResult(8, false, SETTINGS.idleDelay()));
        assertThat(publisher.feed.stored()).containsExactlyElementsOf(events);
        assertThat(outbox.undelivered(100)).isEmpty();
    }

    @Test
    void an_empty_outbox_sleeps_the_idle_delay() {
        assertThat(relay(SETTINGS).tick(T0)).isEqualTo(new TickResult(0, false, SETTINGS.idleDelay()));
        assertThat(publisher.attempts()).isZero();
    }

    @Test
    void a_backlog_larger_than_a_tick_asks_to_come_back_at_once() {
        ActivityRelaySettings twoBatches = new ActivityRelaySettings(3, 2, Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofSeconds(1), 0);
        List<ActivityEvent> events = appendAlternating(10, report("acct-1", "rep-1"));
        ActivityRelayDaemon relay = relay(twoBatches);

        assertThat(relay.tick(T0)).isEqualTo(new TickResult(6, false, Duration.ZERO));
        assertThat(relay.tick(T0)).isEqualTo(new TickResult(4, false, twoBatches.idleDelay()));
        assertThat(publisher.feed.stored()).containsExactlyElementsOf(events);
    }

    @Test
    void a_failure_mid_batch_marks_the_stored_prefix_and_retries_from_the_failed_event() {
        List<ActivityEvent> events = appendAlternating(5, report("acct-1", "rep-1"));
        publisher.failingWhen(n -> n == 3);
        ActivityRelayDaemon relay = relay(SETTINGS);

        TickResult failed = relay.tick(T0);

        assertThat(failed).isEqualTo(new TickResult(2, true, Duration.ofMillis(100)));
        assertThat(outbox.undelivered(100)).containsExactlyElementsOf(events.subList(2, 5));
        assertThat(relay.tick(T0.plusMillis(100))).isEqualTo(new TickResult(3, false, SETTINGS.idleDelay()));
        assertThat(publisher.feed.stored()).containsExactlyElementsOf(events);
    }

    @Test
    void back_off_doubles_up_to_the_maximum_and_a_tick_inside_it_does_nothing() {
        appendAlternating(3, report("acct-1", "rep-1"));
        publisher.down();
        ActivityRelayDaemon relay = relay(SETTINGS);

        List<Duration> delays = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 6; i++) {
            TickResult r = relay.tick(now);
            assertThat(r.failed()).isTrue();
            delays.add(r.nextDelay());
            int attempts = publisher.attempts();
            assertThat(relay.tick(now.plus(r.nextDelay()).minusMillis(1)).nextDelay()).isEqualTo(Duration.ofMillis(1));
            assertThat(publisher.attempts()).as("no publishing while backing off").isEqualTo(attempts);
            now = now.plus(r.nextDelay());
        }

        assertThat(delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(relay.consecutiveFailures()).isEqualTo(6);
        assertThat(relay.retryAt()).contains(now);
    }

    @Test
    void success_after_an_outage_resets_the_back_off() {
        List<ActivityEvent> events = appendAlternating(3, report("acct-1", "rep-1"));
        publisher.down();
        ActivityRelayDaemon relay = relay(SETTINGS);
        Instant retry = T0.plus(relay.tick(T0).nextDelay());
        retry = retry.plus(relay.tick(retry).nextDelay());

        publisher.healed();
        assertThat(relay.tick(retry)).isEqualTo(new TickResult(3, false, SETTINGS.idleDelay()));
        assertThat(relay.consecutiveFailures()).isZero();
        assertThat(relay.retryAt()).isEmpty();
        assertThat(publisher.feed.stored()).containsExactlyElementsOf(events);

        publisher.down();
        outbox.append(createdAt(report("acct-1", "rep-1"), T0));
        assertThat(relay.tick(retry).nextDelay()).as("first failure again").isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void jitter_shortens_a_back_off_by_at_most_its_fraction() {
        ActivityRelaySettings jittery = SETTINGS.withBackoff(Duration.ofMillis(1000), Duration.ofSeconds(10), 0.5);
        appendAlternating(1, report("acct-1", "rep-1"));
        publisher.down();

        ActivityRelayDaemon relay = new ActivityRelayDaemon(outbox, publisher, adapters.transactions, jittery, () -> 0.5);

        assertThat(relay.tick(T0).nextDelay()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void a_failing_outbox_backs_off_like_a_failing_publisher() {
        ActivityOutboxPort broken = new ActivityOutboxPort() {
            @Override
            public void append(ActivityEvent event) {
            }

            @Override
            public List<ActivityEvent> undelivered(int limit) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void markDelivered(Collection<EventId> ids) {
            }

            @Override
            public int deleteDeliveredBefore(java.time.Instant cutoff, int limit) {
                return 0;
            }
        };

        TickResult r = new ActivityRelayDaemon(broken, publisher, adapters.transactions, SETTINGS).tick(T0);

        assertThat(r).isEqualTo(new TickResult(0, true, Duration.ofMillis(100)));
    }

    @Test
    void a_publisher_throwing_anything_else_is_taken_to_have_stored_nothing() {
        List<ActivityEvent> events = appendAlternating(2, report("acct-1", "rep-1"));
        ActivityRelayDaemon relay = new ActivityRelayDaemon(outbox, batch -> {
            throw new IllegalStateException("bug");
        }, adapters.transactions, SETTINGS);

        assertThat(relay.tick(T0)).isEqualTo(new TickResult(0, true, Duration.ofMillis(100)));
        assertThat(outbox.undelivered(10)).containsExactlyElementsOf(events);
    }

    @Test
    void many_failures_later_every_event_is_stored_once_in_outbox_order() {
        List<ActivityEvent> events = appendAlternating(200, report("acct-1", "rep-1"), report("acct-2", "rep-2"));
        publisher.failingWhen(n -> n % 7 == 0); // every 7th write is throttled
        ActivityRelayDaemon relay = relay(SETTINGS);

        Instant now = T0;
        for (int i = 0; i < 1_000 && !outbox.undelivered(1).isEmpty(); i++) {
            now = now.plus(relay.tick(now).nextDelay());
        }

        assertThat(outbox.undelivered(1)).isEmpty();
        assertThat(publisher.feed.stored()).containsExactlyElementsOf(events);
        for (ActivityEvent e : events) {
            assertThat(publisher.feed.copies(e.id())).isEqualTo(1);
        }
    }

    /** {@code n} events, round robin over the reports, one second apart. */
    List<ActivityEvent> appendAlternating(int n, ReportRef... reports) {
        List<ActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ActivityEvent e = createdAt(reports[i % reports.length], T0.plusSeconds(i));
            outbox.append(e);
            events.add(e);
        }
        return events;
    }

    ActivityRelayDaemon relay(ActivityRelaySettings settings) {
        return new ActivityRelayDaemon(outbox, publisher, adapters.transactions, settings, () -> 0);
    }
}
