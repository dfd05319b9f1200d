package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;

import java.time.Clock;
import java.time.Duration;

/**
 * The ports one storage adapter provides together: they share its transactions, so they must
 * never be mixed across adapters. {@link #close()} releases the adapter's connections.
 */
public record Stores(String description, ScheduleStorePort schedules, ScheduledRunStorePort runs,
                     TaskStorePort tasks, TaskHistoryStorePort history, TaskQueuePort queue,
                     ActivityOutboxPort outbox, TransactionPort tx, IdGeneratorPort ids, AutoCloseable closer)
        implements AutoCloseable {

    /** Everything in this process's memory: the development default, lost at exit. */
    public static Stores inMemory(Clock clock) {
        // the adapters' own simulated launcher goes unused: the launcher is chosen separately
        InMemoryAdapters m = new InMemoryAdapters(clock, Duration.ofMinutes(1));
        return new Stores("memory", m.schedules, m.runs, m.tasks, m.history, m.queue, m.outbox, m.transactions, m.ids,
                () -> { });
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    @Override
    public String toString() {
        return "store " + description;
    }
}
