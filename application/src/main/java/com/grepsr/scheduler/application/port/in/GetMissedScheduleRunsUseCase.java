package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.ClientTimes;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.Optional;

/**
 * GetMissedScheduleRuns: the runs of a schedule or a report that did not fire (MISSED, with their
 * cause), newest first, one keyset page at a time, confined to the caller's account. SKIPPED runs
 * (chiefly the overlap policy's, cause OVERLAP) were not fired by the user's own choice of policy,
 * so they are listed only on request ({@code includeSkipped}).
 */
public interface GetMissedScheduleRunsUseCase {

    /**
     * @param scheduleId     a schedule's missed runs; or
     * @param report         a report's (with {@code scheduleId}: both must match)
     * @param account        for admins, the account; for account callers their own, or empty
     * @param includeSkipped also list SKIPPED runs (each carries its cause)
     * @param from           only runs due at or after this
     * @param to             only runs due at or before this
     * @param page           page size and token
     */
    record Query(Optional<ScheduleId> scheduleId, Optional<ReportId> report, Optional<AccountId> account,
                 boolean includeSkipped, Optional<Instant> from, Optional<Instant> to, PageRequest page) {
        public Query {
            scheduleId = scheduleId == null ? Optional.empty() : scheduleId;
            report = report == null ? Optional.empty() : report;
            account = account == null ? Optional.empty() : account;
            from = ClientTimes.require("from", from == null ? Optional.empty() : from);
            to = ClientTimes.require("to", to == null ? Optional.empty() : to);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
            if (scheduleId.isEmpty() && report.isEmpty()) {
                throw ValidationException.of("schedule_id", "give a schedule id, a report id, or both");
            }
            requireOrdered(from, to);
        }

        public static Query ofSchedule(ScheduleId id, PageRequest page) {
            return new Query(Optional.of(id), Optional.empty(), Optional.empty(), false, Optional.empty(),
                    Optional.empty(), page);
        }

        public static Query ofReport(ReportId report, PageRequest page) {
            return new Query(Optional.empty(), Optional.of(report), Optional.empty(), false, Optional.empty(),
                    Optional.empty(), page);
        }
    }

    record Result(Page<ScheduledRun> page) {
    }

    /** Fails when both bounds are given and {@code to} is before {@code from}. */
    static void requireOrdered(Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ValidationException.of("to", "is before from (" + from.get() + ")");
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException    unknown schedule
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException another account's schedule or account
     */
    Result execute(Caller caller, Query query);
}
