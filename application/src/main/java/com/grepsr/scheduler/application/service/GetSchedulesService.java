package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * GetSchedules: a report's, project's or whole account's schedules, a keyset walk in id order (a
 * whole account's: on the stores' (account_id, id) index).
 */
public final class GetSchedulesService implements GetSchedulesUseCase {

    private final ScheduleStorePort schedules;
    private final Clock clock;

    public GetSchedulesService(ScheduleStorePort schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public GetSchedulesUseCase.Result execute(Caller caller, GetSchedulesUseCase.Query query) {
        Optional<AccountId> account = caller.scope(query.account());
        if (query.wholeAccount() && account.isEmpty()) {
            throw ValidationException.of("report_id", "give a report id, a project id or an account id "
                    + "(everyone's schedules: GetAllSchedules)");
        }
        ScheduleFilter filter = new ScheduleFilter(account, query.project(), query.report(), query.statuses());
        return new GetSchedulesUseCase.Result(list(filter, query.page()));
    }

    private Page<ScheduleSummary> list(ScheduleFilter filter, PageRequest page) {
        Instant now = clock.instant();
        return schedules.list(filter, page).map(s -> Occurrences.summary(s, now));
    }
}
