package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase.Command;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase.Result;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.service.UpdateAllTaskHistoryByStatusService;
import com.grepsr.scheduler.application.service.StopScheduleService;
import com.grepsr.scheduler.application.service.TaskTransitions;
import com.grepsr.scheduler.application.service.TaskStopper;
import com.grepsr.scheduler.application.service.TimeOrderedIds;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ending work stops crawlers on this store too: a bulk move to a final status walks its keyset
 * pages while the tasks it ends leave the filter, and StopSchedule's stop_active_tasks finds the
 * schedule's tasks by the store's schedule filter.
 */
abstract class StopWorkChecks {

    private static final Caller ADMIN = Caller.admin("ops");

    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final Set<String> liveLaunches = ConcurrentHashMap.newKeySet();
    private SqlAdapters sql;
    private TaskStopper stopper;

    abstract SqlAdapters sql();

    @BeforeEach
    void wire() {
        sql = sql();
        stopper = new TaskStopper(sql.tasks(), sql.history(), sql.queue(), new Launches(), sql.transactions(), clock);
    }

    @Test
    void a_bulk_move_to_failed_stops_every_crawler_across_pages_and_leaves_the_rest() {
        // more than one page (200) of RUNNING tasks, and some of another account
        List<Task> mine = IntStream.range(0, 230).mapToObj(i -> running("m-" + i, "acct-1")).toList();
        List<Task> theirs = IntStream.range(0, 3).mapToObj(i -> running("o-" + i, "acct-2")).toList();
        UpdateAllTaskHistoryByStatusService bulk = new UpdateAllTaskHistoryByStatusService(sql.tasks(),
                new TaskTransitions(sql.tasks(), sql.history(), sql.transactions(), clock), stopper,
                sql.transactions());

        Result r = bulk.execute(ADMIN, new Command(TaskStatus.RUNNING, TaskStatus.FAILED, null,
                java.util.Optional.of(mine.get(0).report().accountId()), null, null, "crawler stopped reporting", 0));

        assertThat(r).isEqualTo(new Result(230, 0, false));
        assertThat(liveLaunches).containsExactlyInAnyOrderElementsOf(
                theirs.stream().map(t -> t.launchName().orElseThrow()).toList());
        assertThat(statuses(mine)).containsOnly(TaskStatus.FAILED);
        assertThat(statuses(theirs)).containsOnly(TaskStatus.RUNNING);
    }

    @Test
    void stopping_a_schedule_with_its_active_tasks_stops_them_and_only_them() {
        Schedule schedule = Fixtures.hourlySchedule("s-1", "acct-1");
        sql.schedules().insert(schedule);
        Task ofSchedule = running(Task.queue(TaskId.of("t-s"), TaskOrigin.manual(schedule.report(), schedule.id(),
                Parameters.NONE, null), T0));
        Task manual = running("t-m", "acct-1");
        StopScheduleService lifecycle = new StopScheduleService(sql.schedules(), sql.runs(), stopper,
                sql.outbox(), sql.transactions(), new TimeOrderedIds(clock), clock);

        var r = lifecycle.execute(ADMIN, StopScheduleUseCase.Command.pause(schedule.id()).stoppingActiveTasks());

        assertThat(r.stoppedTasks()).containsExactly(ofSchedule.id());
        assertThat(statuses(List.of(ofSchedule))).containsOnly(TaskStatus.STOPPED);
        assertThat(statuses(List.of(manual))).containsOnly(TaskStatus.RUNNING);
        assertThat(liveLaunches).containsExactly(manual.launchName().orElseThrow());
    }

    private Task running(String id, String account) {
        return running(Fixtures.manualTask(id, account, T0));
    }

    /** Stores {@code queued}, launched and RUNNING, with a live launch. */
    private Task running(Task queued) {
        Task launched = queued.launching("job-" + queued.id().value(), T0.plusSeconds(1));
        Task running = launched.moveTo(TaskStatus.RUNNING, T0.plusSeconds(2));
        sql.transactions().run(() -> {
            sql.tasks().insert(queued);
            sql.tasks().update(launched, queued.version());
            sql.tasks().update(running, launched.version());
        });
        liveLaunches.add(running.launchName().orElseThrow());
        return running;
    }

    private List<TaskStatus> statuses(List<Task> of) {
        return sql.tasks().findAll(of.stream().map(Task::id).toList()).stream().map(Task::status).toList();
    }

    /** A launcher whose launches are names in {@link #liveLaunches}; stopping removes one. */
    private final class Launches implements CrawlerLauncherPort {
        @Override
        public String launch(Task task, CrawlerSpec crawler) {
            throw new UnsupportedOperationException("these checks launch nothing");
        }

        @Override
        public void stop(String launchName) {
            liveLaunches.remove(launchName);
        }

        @Override
        public Map<String, LaunchState> inspect(Collection<String> launchNames) {
            return launchNames.stream().collect(Collectors.toMap(n -> n,
                    n -> liveLaunches.contains(n) ? LaunchState.RUNNING : LaunchState.NOT_FOUND));
        }
    }
}
