package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.ClientTimes;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * GetNextSchedules: the next N fire times after an instant (default now), of a saved schedule
 * or of a timing not saved yet (a preview before saving, the platform's form included). Writes
 * nothing. For a saved schedule, skipped occurrences are left out; a PAUSED one shows what fires
 * once it resumes (after its pause-until, if it has one); a DELETED or COMPLETED one has none.
 */
public interface GetNextSchedulesUseCase {

    int MAX_COUNT = 1000;

    /**
     * @param scheduleId a saved schedule; or
     * @param timing     a timing to preview (exactly one of the two)
     * @param count      how many fire times, 1 to {@value #MAX_COUNT}
     * @param after      list fire times strictly after this; empty for now
     */
    record Query(Optional<ScheduleId> scheduleId, Optional<TimingInput> timing, int count, Optional<Instant> after) {
        public Query {
            scheduleId = scheduleId == null ? Optional.empty() : scheduleId;
            timing = timing == null ? Optional.empty() : timing;
            after = ClientTimes.require("after", after == null ? Optional.empty() : after);
            if (scheduleId.isEmpty() == timing.isEmpty()) {
                throw ValidationException.of("schedule_id", "give either a schedule id or a timing to preview");
            }
            Checks.range("count", count, 1, MAX_COUNT);
            timing.ifPresent(TimingInput::toTiming); // validates the expression and the bounds
        }

        public static Query ofSchedule(ScheduleId id, int count) {
            return new Query(Optional.of(id), Optional.empty(), count, Optional.empty());
        }

        public static Query preview(TimingInput timing, int count) {
            return new Query(Optional.empty(), Optional.of(timing), count, Optional.empty());
        }
    }

    /**
     * @param zone      the schedule's zone, to show the times on its wall clock
     * @param fireTimes in order
     * @param status    the saved schedule's status; empty for a preview
     */
    record Result(ZoneId zone, List<Instant> fireTimes, Optional<ScheduleStatus> status) {
        public Result {
            fireTimes = List.copyOf(fireTimes);
        }

        /** The fire times on the schedule's wall clock. */
        public List<ZonedDateTime> localFireTimes() {
            return fireTimes.stream().map(t -> t.atZone(zone)).toList();
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException    unknown schedule
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException another account's schedule
     */
    Result execute(Caller caller, Query query);
}
