package com.grepsr.scheduler.application.schedule;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.util.Objects;

/**
 * Loads a schedule a caller names by id: unknown is NOT_FOUND, another account's is
 * ACCESS_DENIED. Every schedule use case goes through here so the rule is written once.
 */
public final class ScheduleAccess {

    private final ScheduleStorePort schedules;

    public ScheduleAccess(ScheduleStorePort schedules) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    public Schedule load(Caller caller, ScheduleId id) {
        Schedule schedule = schedules.find(id).orElseThrow(() -> new NotFoundException("schedule", id.value()));
        caller.requireAccess(schedule.report().accountId(), "schedule " + id.value());
        return schedule;
    }
}
