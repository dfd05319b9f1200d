package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.grepsr.scheduler.application.contract.ActivityEventSamples.T0;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdAt;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.report;
import static org.assertj.core.api.Assertions.assertThat;

/** Two relay replicas on one outbox and one feed, as two service replicas would run them. */
class ActivityRelayRaceTest {

    static final ActivityRelaySettings SMALL_BATCHES = new ActivityRelaySettings(7, 3, Duration.ZERO,
            Duration.ofMillis(1), Duration.ofMillis(4), 0);

    @RepeatedTest(5)
    void two_relays_racing_store_every_event_once_and_keep_each_accounts_order() throws Exception {
        InMemoryAdapters adapters = new InMemoryAdapters(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(1));
        FlakyActivityPublisher publisher = new FlakyActivityPublisher().failingWhen(n -> n % 11 == 0);
        List<ReportRef> reports = List.of(report("acct-1", "rep-1"), report("acct-2", "rep-2"), report("acct-3", "rep-3"));
        List<ActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ActivityEvent e = createdAt(reports.get(i % 3), T0.plusSeconds(i));
            adapters.outbox.append(e);
            events.add(e);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> replicas = new ArrayList<>();
            for (int replica = 0; replica < 2; replica++) {
                ActivityRelayDaemon relay = new ActivityRelayDaemon(adapters.outbox, publisher, adapters.transactions,
                        SMALL_BATCHES, () -> 0);
                replicas.add(pool.submit(() -> drain(relay, adapters)));
            }
            for (Future<?> f : replicas) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ActivityEvent> stored = publisher.feed.stored();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(events); // all there, none twice
        for (ReportRef r : reports) {
            assertThat(ofAccount(stored, r.accountId())).containsExactlyElementsOf(ofAccount(events, r.accountId()));
        }
        assertThat(adapters.outbox.undelivered(1)).isEmpty();
    }

    /** Ticks until the outbox is empty, on a logical clock that moves past every back-off. */
    private static void drain(ActivityRelayDaemon relay, InMemoryAdapters adapters) {
        Instant now = T0;
        for (int i = 0; i < 100_000 && !adapters.outbox.undelivered(1).isEmpty(); i++) {
            now = now.plus(relay.tick(now).nextDelay()).plusNanos(1);
        }
    }

    private static List<ActivityEvent> ofAccount(List<ActivityEvent> events, AccountId account) {
        return events.stream().filter(e -> e.report().accountId().equals(account)).toList();
    }
}
