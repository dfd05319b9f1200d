package com.grepsr.scheduler.application.daemon.reconcile;

import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.grepsr.scheduler.application.daemon.reconcile.ReconcilerFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler and runs left PENDING past the catch-up deadline: missed with an event, unless a
 * processor that died had already committed the run's task, in which case the run was fired.
 */
class MissOverdueRunsStepTest {

    private final ReconcilerFixture f = new ReconcilerFixture();

    @Test
    void pending_runs_older_than_the_catch_up_deadline_are_missed_with_an_event() {
        Schedule s = f.hourlySchedule();
        Duration catchUp = DaemonSettings.DEFAULTS.maxCatchUp();
        ScheduledRun tooOld = f.staleRun(s, T0.minus(catchUp).minusSeconds(1));
        ScheduledRun stillInTime = f.staleRun(s, T0.minus(catchUp).plusSeconds(1));
        int eventsBefore = f.memory.outbox.all().size();

        ReconcilerDaemon.TickResult r = f.tickAt(T0);
        assertThat(r.runsMissed()).isEqualTo(1);
        ScheduledRun missed = f.memory.runs.find(tooOld.id()).orElseThrow();
        assertThat(missed.status()).isEqualTo(RunStatus.MISSED);
        assertThat(missed.missCause()).isEqualTo(MissCause.DEADLINE);
        assertThat(missed.settledAt()).isEqualTo(T0);
        assertThat(f.memory.runs.find(stillInTime.id()).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
        List<ActivityEvent> events = f.memory.outbox.all().subList(eventsBefore, f.memory.outbox.all().size());
        assertThat(events).singleElement().isInstanceOfSatisfying(ScheduledRunMissedEvent.class, e -> {
            assertThat(e.actor()).isEqualTo("scheduler");
            assertThat(e.details()).containsEntry("cause", "DEADLINE")
                    .containsEntry("scheduled_run_id", tooOld.id().value());
        });
        assertThat(f.tickAt(T0).runsMissed()).isZero();
    }

    @Test
    void an_overdue_run_whose_task_a_dead_processor_committed_is_dispatched_not_missed() {
        Schedule s = f.hourlySchedule();
        ScheduledRun fired = f.staleRun(s, T0.minus(DaemonSettings.DEFAULTS.maxCatchUp()).minusSeconds(1));
        TaskId task = TaskId.of(fired.id().value()); // a scheduled run's task has the run's id
        f.memory.tasks.insert(Task.queue(task, TaskOrigin.scheduled(s.report(), s.id(), fired.id(), null, null),
                fired.fireAt()));
        int eventsBefore = f.memory.outbox.all().size();

        assertThat(f.tickAt(T0).runsMissed()).isZero();
        ScheduledRun settled = f.memory.runs.find(fired.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(RunStatus.DISPATCHED);
        assertThat(settled.taskId()).isEqualTo(task);
        assertThat(f.memory.outbox.all()).hasSize(eventsBefore);
    }

    @Test
    void an_overdue_run_launched_in_a_transaction_a_crash_rolled_back_is_left_for_a_processor() {
        Schedule s = f.hourlySchedule();
        ScheduledRun launched = f.staleRun(s, T0.minus(DaemonSettings.DEFAULTS.maxCatchUp()).minusSeconds(1));
        // its Job was created, then the replica died before the task and the settle committed
        Task rolledBack = Task.queue(launched.id().taskId(), TaskOrigin.scheduled(s.report(), s.id(), launched.id(),
                null, null), launched.fireAt());
        f.memory.launcher.launch(rolledBack, CrawlerSpec.image("grepsr/crawler:1"));
        int eventsBefore = f.memory.outbox.all().size();

        assertThat(f.tickAt(T0).runsMissed()).isZero();
        assertThat(f.memory.runs.find(launched.id()).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
        assertThat(f.memory.outbox.all()).hasSize(eventsBefore);
    }
}
