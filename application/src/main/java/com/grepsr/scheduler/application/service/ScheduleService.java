package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Creates schedules (the Schedule method), once per client request id. The calculator materializes
 * their runs.
 */
public final class ScheduleService implements ScheduleUseCase {

    private final ScheduleStorePort schedules;
    private final ActivityOutboxPort outbox;
    private final CrawlerCatalogPort catalog;
    private final IdGeneratorPort ids;
    private final IdempotentRequests requests;
    private final Clock clock;

    ScheduleService(ScheduleStorePort schedules, ActivityOutboxPort outbox, CrawlerCatalogPort catalog,
                          IdGeneratorPort ids, IdempotentRequests requests, Clock clock) {
        this.schedules = schedules;
        this.outbox = outbox;
        this.catalog = catalog;
        this.ids = ids;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public Result execute(Caller caller, Command command) {
        ReportRef report = command.report();
        caller.requireAccess(report.accountId(), "report " + report.reportId());
        return requests.create(caller, "Schedule", command.requestId(), command,
                () -> prepare(caller, command), created -> answer(ScheduleId.of(created.get(0))));
    }

    /** Validates the command and builds the schedule; the writes store it with its created event. */
    private IdempotentRequests.Creation prepare(Caller caller, Command command) {
        ReportRef report = command.report();
        // a schedule whose crawler cannot launch would only ever produce failed runs: say so now
        if (catalog.find(report.serviceCode()).isEmpty()) {
            throw ValidationException.of("service_code", "no crawler is configured for service code '"
                    + report.serviceCode() + "'");
        }
        Instant now = clock.instant();
        Schedule schedule = Schedule.create(ids.scheduleId(), command.name(), report, command.details(), now);
        if (Occurrences.upcoming(schedule, now, 1).isEmpty()) {
            throw ValidationException.of("timing", "never fires after now (" + now + "): "
                    + schedule.recurrence().describe());
        }
        return new IdempotentRequests.Creation(List.of(schedule.id().value()), () -> {
            schedules.insert(schedule);
            outbox.append(ActivityEvents.created(ids.eventId(), schedule, caller.name(), now));
        });
    }

    /** The schedule as stored and its next fire times from now: a retry's answer as much as the first call's. */
    private Result answer(ScheduleId id) {
        Schedule schedule = schedules.find(id).orElseThrow(() -> new NotFoundException("schedule", id.value()));
        return new Result(schedule, Occurrences.upcoming(schedule, clock.instant(), PREVIEW_COUNT));
    }
}
