package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Creates schedules (the Schedule method). The calculator materializes their runs. */
public final class CreateScheduleService implements ScheduleUseCase {

    private final ScheduleStorePort schedules;
    private final ActivityOutboxPort outbox;
    private final CrawlerCatalogPort catalog;
    private final TransactionPort transactions;
    private final IdGeneratorPort ids;
    private final Clock clock;

    public CreateScheduleService(ScheduleStorePort schedules, ActivityOutboxPort outbox, CrawlerCatalogPort catalog,
                                 TransactionPort transactions, IdGeneratorPort ids, Clock clock) {
        this.schedules = schedules;
        this.outbox = outbox;
        this.catalog = catalog;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Result execute(Caller caller, Command command) {
        ReportRef report = command.report();
        caller.requireAccess(report.accountId(), "report " + report.reportId());
        // a schedule whose crawler cannot launch would only ever produce failed runs: say so now
        if (catalog.find(report.serviceCode()).isEmpty()) {
            throw ValidationException.of("service_code", "no crawler is configured for service code '"
                    + report.serviceCode() + "'");
        }
        Instant now = clock.instant();
        Schedule schedule = Schedule.create(ids.scheduleId(), command.name(), report, command.details(), now);
        List<Instant> next = Occurrences.upcoming(schedule, now, PREVIEW_COUNT);
        if (next.isEmpty()) {
            throw ValidationException.of("timing", "never fires after now (" + now + "): "
                    + schedule.recurrence().describe());
        }
        transactions.run(() -> {
            schedules.insert(schedule);
            outbox.append(ActivityEvents.created(ids.eventId(), schedule, caller.name(), now));
        });
        return new Result(schedule, next);
    }
}
