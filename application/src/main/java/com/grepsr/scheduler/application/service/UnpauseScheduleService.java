package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Clock;
import java.time.Instant;

/**
 * UnpauseSchedule: a paused schedule fires again (also the reconciler's resume at a pause's end).
 * The store's compare-and-set against the version just read makes a racing change a version
 * conflict rather than a lost update.
 */
public final class UnpauseScheduleService implements UnpauseScheduleUseCase {

    private final ScheduleAccess access;
    private final ScheduleStorePort schedules;
    private final ActivityOutboxPort outbox;
    private final TransactionPort transactions;
    private final IdGeneratorPort ids;
    private final Clock clock;

    public UnpauseScheduleService(ScheduleStorePort schedules, ActivityOutboxPort outbox,
                                  TransactionPort transactions, IdGeneratorPort ids, Clock clock) {
        this.access = new ScheduleAccess(schedules);
        this.schedules = schedules;
        this.outbox = outbox;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public UnpauseScheduleUseCase.Result execute(Caller caller, UnpauseScheduleUseCase.Command command) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Schedule current = access.load(caller, command.scheduleId());
            Schedule resumed = current.unpause(now);
            schedules.update(resumed, current.version());
            outbox.append(ActivityEvents.unpaused(ids.eventId(), resumed, caller.name(), now));
            return new UnpauseScheduleUseCase.Result(resumed,
                    Occurrences.upcoming(resumed, now, ScheduleUseCase.PREVIEW_COUNT));
        });
    }
}
