package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.RequestLogPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;

/**
 * The store ports of one implementation, sharing one transaction manager, as the contracts
 * receive them from {@link StoreContract#newStores}. Each contract uses only the ports it says it
 * uses (its own, plus the stores its records refer to, so a schema with foreign keys passes too).
 */
public record Stores(TransactionPort transactions, ScheduleStorePort schedules, ScheduledRunStorePort runs,
                     TaskStorePort tasks, TaskHistoryStorePort history, TaskQueuePort queue,
                     ActivityOutboxPort outbox, RequestLogPort requests) {
}
