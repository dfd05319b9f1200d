package com.grepsr.scheduler.application.schedule;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Changes schedules (UpdateSchedule) under optimistic concurrency. The version is checked twice:
 * against the schedule read here (a clear answer before any work) and by the store's
 * compare-and-set (so a writer racing between the read and the write still loses).
 */
public final class UpdateScheduleService implements UpdateScheduleUseCase {

    private final ScheduleAccess access;
    private final ScheduleStorePort schedules;
    private final ScheduledRunStorePort runs;
    private final ActivityOutboxPort outbox;
    private final TransactionPort transactions;
    private final IdGeneratorPort ids;
    private final Clock clock;

    public UpdateScheduleService(ScheduleStorePort schedules, ScheduledRunStorePort runs, ActivityOutboxPort outbox,
                                 TransactionPort transactions, IdGeneratorPort ids, Clock clock) {
        this.access = new ScheduleAccess(schedules);
        this.schedules = schedules;
        this.runs = runs;
        this.outbox = outbox;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Result execute(Caller caller, Command command) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Schedule current = access.load(caller, command.scheduleId()).requireVersion(command.expectedVersion());
            Schedule changed = current;
            if (command.changesDetails()) {
                changed = changed.update(command.name().orElse(null), details(current.details(), command), now);
                if (!changed.timing().equals(current.timing()) && changed.isExhaustedAfter(now)) {
                    throw ValidationException.of("timing", "never fires after now (" + now + "): "
                            + changed.recurrence().describe());
                }
            }
            if (command.skipOccurrence().isPresent()) {
                changed = changed.skipOccurrence(command.skipOccurrence().get(), now);
            }
            schedules.update(changed, command.expectedVersion());
            // the calculator recomputes what was removed, under the new timing and skips
            runs.deletePendingAfter(changed.id(), now);
            outbox.append(ActivityEvents.updated(ids.eventId(), current, changed, caller.name(), now));
            return new Result(changed, Occurrences.upcoming(changed, now, ScheduleUseCase.PREVIEW_COUNT));
        });
    }

    private static ScheduleDetails details(ScheduleDetails old, Command c) {
        // ZERO is how a client says "no timeout of my own": back to the crawler catalog's
        Duration timeout = c.taskTimeout().isEmpty() ? old.taskTimeout()
                : c.taskTimeout().get().isZero() ? null : c.taskTimeout().get();
        return new ScheduleDetails(
                c.timing().map(TimingInput::toTiming).orElse(old.timing()),
                c.parameters().orElse(old.parameters()),
                c.misfire().orElse(old.misfire()),
                c.overlap().orElse(old.overlap()),
                timeout);
    }
}
