package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.ClientTimes;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.Optional;

/**
 * GetScheduledTasks: the upcoming materialized runs (PENDING: written by the calculator, not yet
 * fired), by account, report or schedule and within a window of fire times, soonest first, one
 * keyset page at a time, confined to the caller's account. Only runs within the calculator's
 * horizon exist; GetUpcomingAccountSchedules forecasts further.
 */
public interface GetScheduledTasksUseCase {

    /**
     * @param account    for admins, the account (empty: all); for account callers their own, or empty
     * @param report     only this report's runs
     * @param scheduleId only this schedule's runs
     * @param from       only runs due at or after this
     * @param to         only runs due at or before this
     * @param page       page size and token
     */
    record Query(Optional<AccountId> account, Optional<ReportId> report, Optional<ScheduleId> scheduleId,
                 Optional<Instant> from, Optional<Instant> to, PageRequest page) {
        public Query {
            account = account == null ? Optional.empty() : account;
            report = report == null ? Optional.empty() : report;
            scheduleId = scheduleId == null ? Optional.empty() : scheduleId;
            from = ClientTimes.require("from", from == null ? Optional.empty() : from);
            to = ClientTimes.require("to", to == null ? Optional.empty() : to);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
            GetMissedScheduleRunsUseCase.requireOrdered(from, to);
        }

        public static Query ofSchedule(ScheduleId id, PageRequest page) {
            return new Query(Optional.empty(), Optional.empty(), Optional.of(id), Optional.empty(), Optional.empty(),
                    page);
        }

        public static Query ofAccount(AccountId account, PageRequest page) {
            return new Query(Optional.of(account), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), page);
        }
    }

    record Result(Page<ScheduledRun> page) {
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException    unknown schedule
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException another account's schedule or account
     */
    Result execute(Caller caller, Query query);
}
