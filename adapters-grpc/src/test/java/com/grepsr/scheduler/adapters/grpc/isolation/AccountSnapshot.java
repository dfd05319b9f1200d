package com.grepsr.scheduler.adapters.grpc.isolation;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything the stores hold for one account, read straight from the in-memory adapters (not
 * through the API under test): schedules and tasks with their versions and statuses, scheduled
 * runs, every history entry of its tasks, work items waiting per parent, activity events. Two
 * snapshots are equal only if no write touched the account's data. Versions move on every
 * change, so {@code id@version} catches any update, and listing by account catches any insert.
 */
record AccountSnapshot(List<String> schedules, List<String> tasks, List<String> launches, List<ScheduledRun> runs,
                       List<TaskHistoryEntry> history, Map<String, Long> waitingWorkItems, List<String> events) {

    static AccountSnapshot of(InMemoryAdapters stores, String account) {
        Optional<AccountId> owner = Optional.of(AccountId.of(account));
        List<String> schedules = all(page -> stores.schedules.list(new ScheduleFilter(owner, Optional.empty(),
                Optional.empty(), EnumSet.allOf(ScheduleStatus.class)), page)).stream()
                .map(AccountSnapshot::describe).toList();
        List<Task> tasks = all(page -> stores.tasks.list(TaskFilter.none().withAccount(owner), page));
        List<ScheduledRun> runs = all(page -> stores.runs.list(RunFilter.none().withAccount(owner)
                .withStatuses(EnumSet.allOf(RunStatus.class)), page));
        List<TaskHistoryEntry> history = new ArrayList<>();
        Map<String, Long> waiting = new TreeMap<>();
        for (Task t : tasks) {
            history.addAll(all(page -> stores.history.listByTask(t.id(), page)));
            waiting.put(t.id().value(), stores.queue.pending(t.id()));
        }
        List<String> events = stores.outbox.all().stream().filter(e -> e.report().accountId().value().equals(account))
                .map(e -> e.id() + " " + e.type()).toList();
        List<String> launches = tasks.stream().flatMap(t -> t.launchName().stream()).toList();
        return new AccountSnapshot(schedules, tasks.stream().map(AccountSnapshot::describe).toList(), launches, runs,
                history, waiting, events);
    }

    /** Every id this account's data goes by, for the check that another account is never shown one. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        schedules.forEach(s -> ids.add(s.substring(0, s.indexOf('@'))));
        tasks.forEach(t -> ids.add(t.substring(0, t.indexOf('@'))));
        ids.addAll(launches);
        runs.forEach(r -> ids.add(r.id().value()));
        return ids;
    }

    private static String describe(Schedule s) {
        return s.id().value() + "@" + s.version() + " " + s.status();
    }

    private static String describe(Task t) {
        return t.id().value() + "@" + t.version() + " " + t.status();
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<T> p = list.apply(page);
            out.addAll(p.items());
            if (!p.hasNext()) {
                return out;
            }
            page = new PageRequest(PageRequest.MAX_SIZE, p.nextPageToken());
        }
    }
}
