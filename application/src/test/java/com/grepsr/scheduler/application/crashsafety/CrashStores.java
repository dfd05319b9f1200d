package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.ActivityPublisherPort;
import com.grepsr.scheduler.application.port.out.RequestLogPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The durable state every replica of a crash test shares: what survives a kill. One adapter
 * provides it (memory, PostgreSQL …); the stores and the transactions must come from it together.
 *
 * @param outboxContents every event ever appended to the outbox, delivered or not
 * @param feed           the activity feed the relay publishes to, when the test runs a relay
 */
public record CrashStores(ScheduleStorePort schedules, ScheduledRunStorePort runs, TaskStorePort tasks,
                          TaskHistoryStorePort history, TaskQueuePort queue, ActivityOutboxPort outbox,
                          RequestLogPort requests, TransactionPort tx, Supplier<List<ActivityEvent>> outboxContents, Optional<Feed> feed) {

    /** A feed: where the relay publishes, and how many copies of an event it holds. */
    public record Feed(ActivityPublisherPort publisher, ToIntFunction<EventId> copies) {
    }
}
