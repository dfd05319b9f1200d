package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TimeWindow;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.util.Optional;
import java.util.Set;

/**
 * GetCompletedTasks: tasks that reached a final status (succeeded, failed, stopped, timed out,
 * lost) within a time window, newest first (by creation), one page at a time. The window is
 * required and bounded ({@link TimeWindow#MAX_SPAN}) so one call cannot scan all of history.
 */
public interface GetCompletedTasksUseCase {

    /**
     * @param finished when the tasks finished, both ends inclusive
     * @param statuses final statuses to include; empty for all of them
     */
    record Query(Optional<AccountId> account, Optional<ReportId> report, Optional<ScheduleId> schedule,
                 Set<TaskKind> kinds, Set<TaskStatus> statuses, TimeWindow finished, PageRequest page) {
        public Query {
            account = account == null ? Optional.empty() : account;
            report = report == null ? Optional.empty() : report;
            schedule = schedule == null ? Optional.empty() : schedule;
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
            statuses = statuses == null || statuses.isEmpty() ? TaskStatus.finals() : Set.copyOf(statuses);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
            if (finished == null) {
                throw ValidationException.of("from", "a time window (from, to) is required");
            }
            if (!statuses.stream().allMatch(TaskStatus::isFinal)) {
                throw ValidationException.of("statuses", "may hold only final statuses (SUCCEEDED, FAILED, STOPPED, "
                        + "TIMED_OUT, LOST); active tasks are listed by GetActiveTasksV2");
            }
        }

        /** Every finished task the caller may see in the window, first page. */
        public static Query in(TimeWindow finished, PageRequest page) {
            return new Query(null, null, null, null, null, finished, page);
        }
    }

    record Result(Page<Task> tasks) {
    }

    /** @throws com.grepsr.scheduler.domain.error.AccessDeniedException if a scoped caller asks for another account */
    Result execute(Caller caller, Query query);
}
