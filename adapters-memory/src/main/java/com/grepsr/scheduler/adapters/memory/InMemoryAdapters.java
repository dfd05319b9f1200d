package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.common.TimeOrderedIds;

import java.time.Clock;
import java.time.Duration;

/**
 * Every outbound port in memory, sharing one transaction manager: what this module's tests, the
 * embedded mode and other applications' tests wire the scheduler with.
 */
public final class InMemoryAdapters {

    public final Clock clock;
    public final InMemoryTransactions transactions = new InMemoryTransactions();
    public final InMemoryScheduleStore schedules = new InMemoryScheduleStore(transactions);
    public final InMemoryScheduledRunStore runs = new InMemoryScheduledRunStore(transactions);
    public final InMemoryTaskStore tasks = new InMemoryTaskStore(transactions);
    public final InMemoryTaskHistoryStore history = new InMemoryTaskHistoryStore(transactions);
    public final InMemoryTaskQueue queue = new InMemoryTaskQueue(transactions);
    public final InMemoryActivityOutbox outbox = new InMemoryActivityOutbox(transactions);
    public final InMemoryRequestLog requests = new InMemoryRequestLog(transactions);
    public final StaticCrawlerCatalog catalog;
    public final SimulatedCrawlerLauncher launcher;
    public final IdGeneratorPort ids;

    /**
     * @param clock          the time every port and the simulated crawlers follow
     * @param crawlerRunTime how long simulated crawls take
     */
    public InMemoryAdapters(Clock clock, Duration crawlerRunTime) {
        this.clock = clock;
        this.catalog = StaticCrawlerCatalog.withFallback(CrawlerSpec.image("phoenix/simulated-crawler:latest"));
        this.launcher = new SimulatedCrawlerLauncher(clock, crawlerRunTime);
        this.ids = new TimeOrderedIds(clock);
    }
}
