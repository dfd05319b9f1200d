package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * StopSchedule: pauses (until a time, or until unpaused) or deletes a schedule, and can also stop
 * its active tasks through {@link TaskStopper}. The store's compare-and-set against the version
 * just read makes a racing change a version conflict rather than a lost update.
 */
public final class StopScheduleService implements StopScheduleUseCase {

    private final ScheduleAccess access;
    private final ScheduleStorePort schedules;
    private final ScheduledRunStorePort runs;
    private final TaskStopper stopper;
    private final ActivityOutboxPort outbox;
    private final TransactionPort transactions;
    private final IdGeneratorPort ids;
    private final Clock clock;

    public StopScheduleService(ScheduleStorePort schedules, ScheduledRunStorePort runs, TaskStopper stopper,
                               ActivityOutboxPort outbox, TransactionPort transactions, IdGeneratorPort ids,
                               Clock clock) {
        this.access = new ScheduleAccess(schedules);
        this.schedules = schedules;
        this.runs = runs;
        this.stopper = stopper;
        this.outbox = outbox;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public StopScheduleUseCase.Result execute(Caller caller, StopScheduleUseCase.Command command) {
        StopScheduleUseCase.Result stopped = stopSchedule(caller, command);
        if (!command.stopActiveTasks()) {
            return stopped;
        }
        // after the commit, and outside any transaction: crawlers are stopped one by one, and the
        // schedule, already stopped, starts no new task meanwhile
        Schedule s = stopped.schedule();
        TaskFilter ofSchedule = new TaskFilter(Optional.of(s.report().accountId()), Optional.empty(),
                Optional.of(s.id()), null, null, null, null, null, null);
        String why = "schedule " + (command.delete() ? "deleted" : "paused");
        List<TaskId> tasks = stopper.stopAll(ofSchedule, Messages.stoppedBy(caller, why), Source.USER);
        return new StopScheduleUseCase.Result(s, stopped.cancelledRuns(), tasks);
    }

    private StopScheduleUseCase.Result stopSchedule(Caller caller, StopScheduleUseCase.Command command) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Schedule current = access.load(caller, command.scheduleId());
            Instant until = command.pauseUntil().orElse(null);
            if (until != null && until.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(StopScheduleUseCase.MAX_PAUSE_YEARS).toInstant())) {
                throw ValidationException.of("pause_until", "must be within " + StopScheduleUseCase.MAX_PAUSE_YEARS
                        + " years; to stop for longer, pause without pause_until");
            }
            Schedule stopped = command.delete() ? current.delete(now) : current.pause(until, now);
            schedules.update(stopped, current.version());
            // runs a processor already claimed are left to it; it finds the schedule stopped
            int cancelled = runs.deletePendingAfter(stopped.id(), now);
            ActivityEvent event = command.delete()
                    ? ActivityEvents.deleted(ids.eventId(), stopped, caller.name(), now)
                    : ActivityEvents.stopped(ids.eventId(), stopped, caller.name(), now);
            outbox.append(event);
            return new StopScheduleUseCase.Result(stopped, cancelled, List.of());
        });
    }
}
