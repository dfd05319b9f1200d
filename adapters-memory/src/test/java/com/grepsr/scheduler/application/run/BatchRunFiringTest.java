package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The processor's batch path (overlap ALLOW): the same end state as firing each run alone. */
class BatchRunFiringTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryAdapters memory = new InMemoryAdapters(clock, Duration.ofMinutes(5));
    /** Called inside each launch call, before the simulated launcher makes the launch. */
    private Consumer<Task> duringLaunch = t -> { };

    private final CrawlerLauncherPort launcher = new CrawlerLauncherPort() {
        @Override
        public String launch(Task task, CrawlerSpec crawler) {
            duringLaunch.accept(task);
            return memory.launcher.launch(task, crawler);
        }

        @Override
        public void stop(String launchName) {
            memory.launcher.stop(launchName);
        }

        @Override
        public Map<String, LaunchState> inspect(Collection<String> launchNames) {
            return memory.launcher.inspect(launchNames);
        }
    };

    private final SchedulerCore core = new SchedulerCore(new SchedulerPorts(memory.schedules, memory.runs, memory.tasks,
            memory.history, memory.queue, memory.outbox, memory.requests, launcher, memory.catalog, memory.transactions, memory.ids, clock),
            DaemonSettings.DEFAULTS);

    private List<ScheduledRun> dueRunsOfOneTimeSchedules(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.OneTime(LocalDateTime.of(2026, 12, 1, 0, 0)),
                    ZoneOffset.UTC, LocalDateTime.of(2026, 12, 1, 0, 0));
            Schedule s = Schedule.create(ScheduleId.of("s" + i), "s" + i, ReportRef.of("r" + i, "p", "a", "svc"),
                    ScheduleDetails.of(timing), T0.minusSeconds(3600));
            memory.schedules.insert(s);
            ScheduledRun r = ScheduledRun.pending(memory.ids.runId(), s.id(), s.report(), T0, T0.minusSeconds(60));
            memory.runs.insertIfAbsent(List.of(r));
            return r;
        }).toList();
    }

    private Task taskOf(ScheduledRun r) {
        return memory.tasks.find(TaskId.of(r.id().value())).orElseThrow();
    }

    private List<TaskStatus> historyOf(ScheduledRun r) {
        return memory.history.listByTask(TaskId.of(r.id().value()), PageRequest.first(10)).items().stream()
                .map(TaskHistoryEntry::status).toList();
    }

    @Test
    void every_run_of_a_batch_gets_its_task_history_and_launch_and_is_settled_dispatched() {
        List<ScheduledRun> runs = dueRunsOfOneTimeSchedules(5);

        ProcessorDaemon.TickResult result = core.processor("p1").tick(T0.plusMillis(5));

        assertThat(result.dispatched()).isEqualTo(5);
        for (ScheduledRun r : runs) {
            ScheduledRun stored = memory.runs.find(r.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(RunStatus.DISPATCHED);
            assertThat(stored.taskId().value()).isEqualTo(r.id().value());
            assertThat(taskOf(r).status()).isEqualTo(TaskStatus.LAUNCHING);
            // launched before its task was written: the task is stored LAUNCHING, with one history row
            assertThat(historyOf(r)).containsExactly(TaskStatus.LAUNCHING);
        }
        assertThat(memory.launcher.launchCalls()).isEqualTo(5);
    }

    @Test
    void a_run_whose_task_exists_already_is_not_launched_twice() {
        List<ScheduledRun> runs = dueRunsOfOneTimeSchedules(3);
        // a processor that died after firing run 1 but before settling it
        core.inProcessTrigger().trigger(runs.get(1));

        core.processor("p2").tick(T0.plusMillis(5));

        assertThat(runs).allSatisfy(r -> assertThat(memory.runs.find(r.id()).orElseThrow().status())
                .isEqualTo(RunStatus.DISPATCHED));
        assertThat(memory.launcher.launchCalls()).isEqualTo(3);
        assertThat(historyOf(runs.get(1))).containsExactly(TaskStatus.LAUNCHING, TaskStatus.QUEUED);
    }

    @Test
    void a_refused_launch_fails_its_task_and_an_unreachable_launcher_leaves_it_queued_for_the_reconciler() {
        List<ScheduledRun> runs = dueRunsOfOneTimeSchedules(3);
        TaskId refused = TaskId.of(runs.get(1).id().value());
        TaskId unreachable = TaskId.of(runs.get(2).id().value());
        duringLaunch = t -> {
            if (t.id().equals(refused)) {
                throw new CrawlerLauncherPort.LaunchRefusedException("forbidden", null);
            }
            if (t.id().equals(unreachable)) {
                throw new IllegalStateException("the API server is unreachable");
            }
        };

        core.processor("p1").tick(T0.plusMillis(5));

        assertThat(taskOf(runs.get(0)).status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(taskOf(runs.get(1)).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(taskOf(runs.get(1)).message()).contains("launch refused: forbidden");
        assertThat(taskOf(runs.get(2)).status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(historyOf(runs.get(1))).containsExactly(TaskStatus.FAILED);
        assertThat(historyOf(runs.get(2))).containsExactly(TaskStatus.QUEUED);
        assertThat(memory.launcher.liveLaunches()).isEqualTo(1);
        assertThat(runs).allSatisfy(r -> assertThat(memory.runs.find(r.id()).orElseThrow().status())
                .isEqualTo(RunStatus.DISPATCHED));
    }
}
