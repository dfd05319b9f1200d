package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
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
 * GetActiveTasksV2: tasks that are queued, launching or running, newest first, one page at a
 * time. An account-scoped caller sees only its own account's tasks.
 */
public interface GetActiveTasksV2UseCase {

    /** The statuses this list covers. */
    Set<TaskStatus> ACTIVE = Set.copyOf(TaskStatus.actives());

    /**
     * @param statuses a subset of {@link #ACTIVE}; empty for all of them
     * @param kinds    task kinds to include; empty for all
     */
    record Query(Optional<AccountId> account, Optional<ReportId> report, Optional<ScheduleId> schedule,
                 Set<TaskKind> kinds, Set<TaskStatus> statuses, PageRequest page) {
        public Query {
            account = account == null ? Optional.empty() : account;
            report = report == null ? Optional.empty() : report;
            schedule = schedule == null ? Optional.empty() : schedule;
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
            statuses = statuses == null || statuses.isEmpty() ? ACTIVE : Set.copyOf(statuses);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
            if (!ACTIVE.containsAll(statuses)) {
                throw ValidationException.of("statuses", "may hold only QUEUED, LAUNCHING and RUNNING here; "
                        + "finished tasks are listed by GetCompletedTasks");
            }
        }

        /** Every active task the caller may see, first page. */
        public static Query all(PageRequest page) {
            return new Query(null, null, null, null, null, page);
        }
    }

    record Result(Page<Task> tasks) {
    }

    /** @throws com.grepsr.scheduler.domain.error.AccessDeniedException if a scoped caller asks for another account */
    Result execute(Caller caller, Query query);
}
