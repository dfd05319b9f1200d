package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.domain.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One processor tick puts all its chunks in flight at once, each in its own transaction: a burst
 * of due runs is launched at the launcher's pace with more than one chunk's launches overlapping,
 * not one chunk after another. On databases whose locking reads skip locked rows.
 */
abstract class ChunksInFlightChecks {

    abstract SqlDatabaseExtension db();

    @Test
    @Timeout(120)
    void the_chunks_of_a_tick_launch_at_the_same_time() throws Exception {
        SqlAdapters main = db().fresh();
        Instant now = T0.plus(Duration.ofHours(ProcessorReplicasChecks.DUE_PER_SCHEDULE)).minusSeconds(1);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        for (int s = 0; s < ProcessorReplicasChecks.SCHEDULES; s++) {
            main.schedules().insert(ProcessorReplicasChecks.hourly("burst-" + s));
        }
        ProcessorReplicasChecks.core(main, clock).calculator().tick(now);
        int chunk = ProcessorDaemon.FIRE_CHUNK;
        // every launch waits until more than one chunk's launches have begun: one chunk at a time
        // would never get there, and its launches would give up waiting
        CountDownLatch moreThanOneChunk = new CountDownLatch(chunk + 1);
        AtomicBoolean overlapped = new AtomicBoolean(true);
        NamingLauncher waiting = new NamingLauncher() {
            @Override
            public String launch(Task task, CrawlerCatalogPort.CrawlerSpec crawler) {
                moreThanOneChunk.countDown();
                try {
                    if (!moreThanOneChunk.await(10, TimeUnit.SECONDS)) {
                        overlapped.set(false);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.launch(task, crawler);
            }
        };
        SqlAdapters replica = db().replica(6, clock);
        CrawlerCatalogPort catalog = code -> Optional.of(CrawlerCatalogPort.CrawlerSpec.image("crawler:test"));
        ProcessorDaemon processor = new SchedulerCore(new SchedulerPorts(replica.schedules(), replica.runs(),
                replica.tasks(), replica.history(), replica.queue(), replica.outbox(), replica.requests(), waiting,
                catalog, replica.transactions(), new TimeOrderedIds(clock), clock), DaemonSettings.DEFAULTS)
                .processor("burst");

        ProcessorDaemon.TickResult tick = processor.tick(now);

        assertThat(tick.claimed()).isEqualTo(DaemonSettings.DEFAULTS.claimBatch());
        assertThat(tick.dispatched()).isEqualTo(DaemonSettings.DEFAULTS.claimBatch());
        assertThat(overlapped).as("more than one chunk's launches were in flight together").isTrue();
    }
}
