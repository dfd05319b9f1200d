package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.model.TimeWindow;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskKind;

import java.util.Optional;
import java.util.Set;

/**
 * GetStats: how many tasks are in each status, the share of finished ones that succeeded, and
 * their average and longest run time — for an account, report or schedule (or all, for admins)
 * over a bounded time window, counted by when tasks were created or when they finished.
 */
public interface GetStatsUseCase {

    /** Which timestamp of a task the window applies to. */
    enum Basis {
        /** Tasks created in the window, whatever their status now (includes active ones). */
        CREATED,
        /** Tasks that finished in the window (so only final statuses). */
        FINISHED
    }

    record Query(Optional<AccountId> account, Optional<ReportId> report, Optional<ScheduleId> schedule,
                 Set<TaskKind> kinds, Basis basis, TimeWindow window) {
        public Query {
            account = account == null ? Optional.empty() : account;
            report = report == null ? Optional.empty() : report;
            schedule = schedule == null ? Optional.empty() : schedule;
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
            basis = basis == null ? Basis.CREATED : basis;
            if (window == null) {
                throw ValidationException.of("from", "a time window (from, to) is required");
            }
        }

        public static Query of(Optional<AccountId> account, Basis basis, TimeWindow window) {
            return new Query(account, null, null, null, basis, window);
        }
    }

    /** The numbers, and the window and basis they were counted over. */
    record Result(TaskStats stats, Basis basis, TimeWindow window) {

        /** Share of finished tasks that succeeded, 0 when none finished. */
        public double successRate() {
            return stats.successRate();
        }
    }

    /** @throws com.grepsr.scheduler.domain.error.AccessDeniedException if a scoped caller asks for another account */
    Result execute(Caller caller, Query query);
}
