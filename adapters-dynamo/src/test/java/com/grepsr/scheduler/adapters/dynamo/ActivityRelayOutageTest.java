package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.daemon.ActivityRelayDaemon;
import com.grepsr.scheduler.application.daemon.ActivityRelayDaemon.TickResult;
import com.grepsr.scheduler.application.daemon.ActivityRelaySettings;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.contract.ActivityEventSamples.T0;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdAt;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB goes away while schedules keep changing: the relay backs off, loses nothing, and
 * delivers everything exactly once, in each account's order, when the server is back. The
 * server keeps its data on disk ({@code --path}), so the restart is a real outage, not a wipe.
 */
class ActivityRelayOutageTest {

    @RegisterExtension
    static final DynaliteExtension DYNAMO = DynaliteExtension.persistent();

    static final ActivityRelaySettings RELAY = new ActivityRelaySettings(25, 100, Duration.ofSeconds(1),
            Duration.ofMillis(100), Duration.ofSeconds(2), 0);

    final InMemoryAdapters app = new InMemoryAdapters(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(1));
    final List<ReportRef> reports = IntStream.range(0, 5).mapToObj(i -> report("acct-" + i, "rep-" + i)).toList();
    final List<ActivityEvent> appended = new ArrayList<>();

    @Test
    void events_made_while_the_server_is_down_are_delivered_once_each_in_account_order_after_it_returns() {
        StoredWrites writes = new StoredWrites();
        DynamoSettings settings = DYNAMO.freshTableSettings().withCallTimeout(Duration.ofSeconds(2), 1);
        DynamoDbClientBuilder client = DynamoAdapters.clientBuilder(settings);
        client.overrideConfiguration(client.overrideConfiguration().toBuilder().addExecutionInterceptor(writes).build());
        try (DynamoAdapters dynamo = DynamoAdapters.using(client.build(), settings)) {
            dynamo.table().createIfAbsent(Duration.ofSeconds(10));
            ActivityRelayDaemon relay = new ActivityRelayDaemon(app.outbox, dynamo.publisher(), app.transactions, RELAY);
            append(20);
            assertThat(relay.tick(T0)).isEqualTo(new TickResult(20, false, RELAY.idleDelay()));

            DYNAMO.server().stop();
            append(500);
            Instant now = T0.plusSeconds(1);
            List<Duration> backoffs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TickResult r = relay.tick(now);
                assertThat(r.failed()).isTrue();
                assertThat(r.published()).isZero();
                backoffs.add(r.nextDelay());
                now = now.plus(r.nextDelay());
            }
            assertThat(backoffs).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                    Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofSeconds(2));
            assertThat(app.outbox.undelivered(1_000)).hasSize(500);

            DYNAMO.server().start();
            for (int i = 0; i < 200 && !app.outbox.undelivered(1).isEmpty(); i++) {
                now = now.plus(relay.tick(now).nextDelay());
            }

            assertThat(app.outbox.undelivered(1)).isEmpty();
            assertThat(TableScan.items(dynamo)).hasSize(520)
                    .extracting(i -> EventId.of(i.get("eventId").s()))
                    .containsExactlyInAnyOrderElementsOf(appended.stream().map(ActivityEvent::id).toList());
            for (ReportRef r : reports) {
                assertThat(writes.writtenOf(appended, r.accountId()))
                        .as("write order of " + r.accountId()).isEqualTo(StoredWrites.idsOf(appended, r.accountId()));
                Page<ActivityEvent> feed = dynamo.feed().byAccount(r.accountId(), PageRequest.first(500));
                assertThat(feed.items()).hasSize(104);
            }
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
