package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The next fire times of a saved schedule or of a timing being drafted (GetNextSchedules). A
 * read-only service: it only reads the schedule store, so a preview can never save anything.
 */
public final class GetNextSchedulesService implements GetNextSchedulesUseCase {

    private final ScheduleAccess access;
    private final Clock clock;

    public GetNextSchedulesService(ScheduleStorePort schedules, Clock clock) {
        this.access = new ScheduleAccess(schedules);
        this.clock = clock;
    }

    @Override
    public Result execute(Caller caller, Query query) {
        Instant after = query.after().orElseGet(clock::instant);
        if (query.scheduleId().isPresent()) {
            Schedule schedule = access.load(caller, query.scheduleId().get());
            return new Result(schedule.timing().zone(), Occurrences.upcoming(schedule, after, query.count()),
                    Optional.of(schedule.status()));
        }
        caller.requireUser("GetNextSchedules"); // a draft names no account; crawlers may still not ask
        ScheduleTiming timing = query.timing().orElseThrow().toTiming();
        return new Result(timing.zone(), timing.toRecurrence().upcoming(after, query.count()), Optional.empty());
    }
}
