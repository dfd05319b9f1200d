package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.adapters.memory.StaticCrawlerCatalog;
import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.adapters.sql.SqlVendor;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.daemon.DaemonLoop;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * R processor replicas as production wires them: each its own HikariCP pool, SQL stores and
 * {@link SchedulerCore}, its {@link ProcessorDaemon} (distinct replica name) driven by a
 * {@link DaemonLoop} with the bootstrap's sleep rule (again at once after a full batch, else until
 * the next due run). All share one launcher, as replicas share one Kubernetes cluster.
 */
final class PhoenixReplicas implements AutoCloseable {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<DaemonLoop> loops = new ArrayList<>();
    private final AtomicLong dispatched = new AtomicLong();

    PhoenixReplicas(BenchDatabase db, int replicas, int poolSize, CrawlerLauncherPort launcher, DaemonSettings settings) {
        Clock clock = Clock.systemUTC();
        for (int r = 0; r < replicas; r++) {
            HikariDataSource pool = db.pool("phoenix-" + r, poolSize);
            pools.add(pool);
            SqlAdapters sql = SqlAdapters.create(pool, SqlVendor.POSTGRESQL, clock);
            SchedulerPorts ports = new SchedulerPorts(sql.schedules(), sql.runs(), sql.tasks(), sql.history(),
                    sql.queue(), sql.outbox(), sql.requests(), launcher, StaticCrawlerCatalog.withFallback(CrawlerSpec.image("bench/noop")),
                    sql.transactions(), new TimeOrderedIds(clock), clock);
            ProcessorDaemon processor = new SchedulerCore(ports, settings).processor("replica-" + r);
            int batch = settings.claimBatch();
            loops.add(new DaemonLoop("processor-" + r, clock, now -> {
                ProcessorDaemon.TickResult result = processor.tick(now);
                dispatched.addAndGet(result.dispatched());
                return result.fullBatch(batch) ? Duration.ZERO : processor.untilNextDue(clock.instant());
            }, Duration.ofSeconds(1)));
        }
    }

    PhoenixReplicas start() {
        loops.forEach(DaemonLoop::start);
        return this;
    }

    /** Runs settled DISPATCHED so far, counted after each settling transaction committed. */
    long dispatched() {
        return dispatched.get();
    }

    long failedTicks() {
        return loops.stream().mapToLong(DaemonLoop::failures).sum();
    }

    @Override
    public void close() {
        loops.forEach(DaemonLoop::close);
        pools.forEach(HikariDataSource::close);
    }
}
