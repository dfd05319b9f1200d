package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.adapters.dynamo.FlakyDynamoProxy.Fault;
import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.daemon.ActivityRelayDaemon;
import com.grepsr.scheduler.application.daemon.ActivityRelayDaemon.TickResult;
import com.grepsr.scheduler.application.daemon.ActivityRelaySettings;
import com.grepsr.scheduler.application.daemon.DaemonLoop;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.contract.ActivityEventSamples.T0;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdAt;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB throttles and fails (400 ThrottlingException, 500 after storing the item) through a
 * proxy: the relay backs off, and every event lands once, in its account's order — with one
 * relay, and with two racing relay replicas on their own threads.
 */
class ActivityRelayThrottlingTest {

    @RegisterExtension
    static final DynaliteExtension DYNAMO = DynaliteExtension.inMemory();

    /** Every 4th PutItem throttled before the server, every 7th stored and then answered 500. */
    static final IntFunction<Fault> FAULTS = n -> n % 4 == 0 ? Fault.THROTTLE_BEFORE
            : n % 7 == 0 ? Fault.FAIL_AFTER_STORING : Fault.NONE;

    final InMemoryAdapters app = new InMemoryAdapters(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(1));
    final List<ReportRef> reports = IntStream.range(0, 3).mapToObj(i -> report("acct-" + i, "rep-" + i)).toList();
    final List<ActivityEvent> appended = new ArrayList<>();

    @Test
    void throttling_and_server_errors_make_the_relay_back_off_and_nothing_is_lost_or_doubled() throws Exception {
        DynamoSettings direct = DYNAMO.freshTableSettings();
        try (DynamoAdapters admin = DynamoAdapters.create(direct);
             FlakyDynamoProxy proxy = new FlakyDynamoProxy(DYNAMO.endpoint(), FAULTS);
             DynamoAdapters viaProxy = DynamoAdapters.create(direct.withEndpoint(proxy.endpoint()))) {
            admin.table().createIfAbsent(Duration.ofSeconds(10));
            append(150);
            ActivityRelaySettings settings = new ActivityRelaySettings(20, 100, Duration.ofSeconds(1),
                    Duration.ofMillis(100), Duration.ofSeconds(5), 0);
            ActivityRelayDaemon relay = new ActivityRelayDaemon(app.outbox, viaProxy.publisher(), app.transactions,
                    settings);

            Instant now = T0;
            int failures = 0;
            for (int i = 0; i < 1_000 && !app.outbox.undelivered(1).isEmpty(); i++) {
                TickResult r = relay.tick(now);
                if (r.failed()) {
                    failures++;
                    assertThat(r.nextDelay()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
                }
                now = now.plus(r.nextDelay());
            }

            assertThat(failures).isEqualTo(proxy.injectedFaults()).isGreaterThan(20);
            assertDeliveredOnceInAccountOrder(admin, proxy);
        }
    }

    @Test
    void two_relay_replicas_racing_through_faults_store_every_event_once_in_account_order() throws Exception {
        DynamoSettings direct = DYNAMO.freshTableSettings();
        try (DynamoAdapters admin = DynamoAdapters.create(direct);
             FlakyDynamoProxy proxy = new FlakyDynamoProxy(DYNAMO.endpoint(), FAULTS)) {
            admin.table().createIfAbsent(Duration.ofSeconds(10));
            append(150);
            ActivityRelaySettings settings = new ActivityRelaySettings(10, 5, Duration.ofMillis(20),
                    Duration.ofMillis(5), Duration.ofMillis(50), 0.5);
            List<DynamoAdapters> clients = new ArrayList<>();
            List<DaemonLoop> loops = new ArrayList<>();
            try {
                for (int replica = 0; replica < 2; replica++) {
                    DynamoAdapters viaProxy = DynamoAdapters.create(direct.withEndpoint(proxy.endpoint()));
                    clients.add(viaProxy);
                    ActivityRelayDaemon relay = new ActivityRelayDaemon(app.outbox, viaProxy.publisher(),
                            app.transactions, settings);
                    loops.add(new DaemonLoop("relay-" + replica, Clock.systemUTC(), now -> relay.tick(now).nextDelay(),
                            settings.maxBackoff()).start());
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!app.outbox.undelivered(1).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                loops.forEach(DaemonLoop::close);
                clients.forEach(DynamoAdapters::close);
            }

            assertThat(app.outbox.undelivered(1)).isEmpty();
            assertThat(proxy.injectedFaults()).isPositive();
            assertDeliveredOnceInAccountOrder(admin, proxy);
        }
    }

    private void assertDeliveredOnceInAccountOrder(DynamoAdapters admin, FlakyDynamoProxy proxy) {
        List<EventId> ids = appended.stream().map(ActivityEvent::id).toList();
        assertThat(TableScan.items(admin)).extracting(i -> EventId.of(i.get("eventId").s()))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(proxy.stored()).containsExactlyInAnyOrderElementsOf(ids); // the server accepted each once
        for (ReportRef r : reports) {
            List<EventId> expected = StoredWrites.idsOf(appended, r.accountId());
            assertThat(proxy.stored().stream().filter(expected::contains).toList())
                    .as("server write order of " + r.accountId()).isEqualTo(expected);
        }
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            ActivityEvent e = createdAt(reports.get(appended.size() % reports.size()), T0.plusMillis(appended.size()));
            app.transactions.run(() -> app.outbox.append(e));
            appended.add(e);
        }
    }
}
