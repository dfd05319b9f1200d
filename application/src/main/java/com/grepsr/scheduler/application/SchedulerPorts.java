package com.grepsr.scheduler.application;

import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.RequestLogPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;

import java.time.Clock;
import java.util.Objects;

/**
 * The outbound ports one scheduler runs on, chosen by whoever wires it (the bootstrap, a test,
 * another application). The stores and the transaction port must come from the same adapter.
 */
public record SchedulerPorts(ScheduleStorePort schedules, ScheduledRunStorePort runs, TaskStorePort tasks,
                             TaskHistoryStorePort history, TaskQueuePort queue, ActivityOutboxPort outbox,
                             RequestLogPort requests, CrawlerLauncherPort launcher, CrawlerCatalogPort catalog,
                             TransactionPort tx, IdGeneratorPort ids, Clock clock) {

    public SchedulerPorts {
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
    }
}
