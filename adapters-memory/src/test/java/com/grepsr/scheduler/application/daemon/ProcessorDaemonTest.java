package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.task.TaskStopper;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.TaskId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The processor's claiming, misfire and schedule-state rules ({@link ProcessorOverlapTest}: overlap). */
class ProcessorDaemonTest extends ProcessorDaemonFixture {

    @Test
    void fires_a_due_run_and_marks_it_dispatched_with_its_task() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        ScheduledRun r = run(s, T0);
        ProcessorDaemon.TickResult result = processor("p1").tick(T0);
        assertThat(result.dispatched()).isEqualTo(1);
        ScheduledRun stored = memory.runs.find(r.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.DISPATCHED);
        assertThat(stored.taskId()).isEqualTo(TaskId.of(r.id().value()));
    }

    /**
     * A run written for a timing the schedule no longer has (a change raced the calculator, or a
     * run left over from before the change) is not fired: its schedule's current timing says
     * nothing fires then.
     */
    @Test
    void cancels_a_due_run_that_is_not_an_occurrence_of_its_schedules_current_timing() {
        Schedule s = schedule("s1", MisfirePolicy.fireAllWithin(Duration.ofHours(2)), OverlapPolicy.ALLOW,
                Duration.ofHours(1)); // on the hour
        ScheduledRun stale = run(s, T0.minusSeconds(1800));
        ScheduledRun current = run(s, T0);
        ProcessorDaemon.TickResult result = processor("p1").tick(T0);
        assertThat(result.cancelled()).isEqualTo(1);
        assertThat(result.dispatched()).isEqualTo(1);
        assertThat(statusOf(stale)).isEqualTo(RunStatus.CANCELLED);
        assertThat(statusOf(current)).isEqualTo(RunStatus.DISPATCHED);
        assertThat(triggered).containsExactly(TaskId.of(current.id().value()));
    }

    @Test
    void leaves_runs_that_are_not_due_yet() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        ScheduledRun r = run(s, T0.plusSeconds(1));
        assertThat(processor("p1").tick(T0).claimed()).isZero();
        assertThat(statusOf(r)).isEqualTo(RunStatus.PENDING);
        assertThat(processor("p1").untilNextDue(T0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void two_replicas_never_fire_the_same_run() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        for (int i = 0; i < 50; i++) {
            run(s, T0.minusSeconds(i));
        }
        ProcessorDaemon a = processor("a");
        ProcessorDaemon b = processor("b");
        int fired = a.tick(T0).dispatched() + b.tick(T0).dispatched();
        assertThat(fired).isEqualTo(50);
        assertThat(triggered).doesNotHaveDuplicates().hasSize(50);
    }

    @Test
    void a_processor_that_died_after_claiming_loses_its_runs_when_the_lease_ends() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        ScheduledRun r = run(s, T0);
        memory.runs.claimDue(T0, 10, "dead", Duration.ofSeconds(60)); // claimed, never settled
        assertThat(processor("p1").tick(T0.plusSeconds(30)).claimed()).isZero();
        assertThat(processor("p1").tick(T0.plusSeconds(61)).dispatched()).isEqualTo(1);
        assertThat(statusOf(r)).isEqualTo(RunStatus.DISPATCHED);
    }

    @Test
    void a_stop_during_a_batch_fires_no_further_run_and_hands_the_rest_back_at_once() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        int runs = ProcessorDaemon.FIRE_CHUNK + 5;
        for (int i = 0; i < runs; i++) {
            run(s, T0.minusSeconds(i));
        }
        // SIGTERM arrives while the first run of the batch is being launched: its chunk (fired
        // together, in a few statements) completes; nothing after it fires
        ProcessorDaemon[] stopping = new ProcessorDaemon[1];
        RunTriggerPort stopsAfterFirst = run -> {
            TaskId id = trigger.trigger(run);
            stopping[0].stopDispatching();
            return id;
        };
        TaskStopper stopper = new TaskStopper(memory.tasks, memory.history, memory.queue, memory.launcher,
                memory.transactions, clock);
        stopping[0] = new ProcessorDaemon(memory.runs, memory.schedules, memory.tasks, stopsAfterFirst, stopper,
                settlement(), memory.transactions, memory.launcher, DaemonSettings.DEFAULTS, "stopping");

        ProcessorDaemon.TickResult cut = stopping[0].tick(T0);

        assertThat(cut.claimed()).isEqualTo(runs);
        assertThat(cut.dispatched()).isEqualTo(ProcessorDaemon.FIRE_CHUNK);
        assertThat(stopping[0].tick(T0).claimed()).as("a stopped processor claims nothing").isZero();
        // no waiting for the lease: another replica fires the other four right away
        assertThat(processor("p2").tick(T0).dispatched()).isEqualTo(5);
        assertThat(triggered).doesNotHaveDuplicates().hasSize(runs);
    }

    @Test
    void after_an_outage_fire_once_now_fires_only_the_newest_late_run() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        List<ScheduledRun> late = new ArrayList<>();
        for (int h = 6; h >= 1; h--) {
            late.add(run(s, T0.minus(Duration.ofHours(h))));
        }
        ProcessorDaemon.TickResult result = processor("p1").tick(T0);
        assertThat(result.dispatched()).isEqualTo(1);
        assertThat(result.missed()).isEqualTo(5);
        assertThat(statusOf(late.get(5))).isEqualTo(RunStatus.DISPATCHED);
        assertThat(memory.runs.find(late.get(0).id()).orElseThrow().missCause()).isEqualTo(MissCause.SCHEDULER_DOWN);
        assertThat(memory.outbox.all()).hasSize(5).allMatch(e -> e instanceof ScheduledRunMissedEvent);
    }

    /**
     * A backlog larger than a chunk: claims take the oldest runs first, so a chunk holds each
     * schedule's oldest late runs while its newest wait in later chunks. Only the newest late run
     * of each schedule may fire, whichever chunk holds it.
     */
    @Test
    void after_an_outage_fire_once_now_fires_once_per_schedule_however_many_chunks_the_backlog_takes() {
        int schedules = ProcessorDaemon.FIRE_CHUNK;
        int latePerSchedule = 6;
        List<Schedule> all = new ArrayList<>();
        for (int i = 0; i < schedules; i++) {
            Schedule s = schedule("s" + i, MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
            all.add(s);
            for (int h = latePerSchedule; h >= 1; h--) {
                run(s, T0.minus(Duration.ofHours(h)));
            }
        }
        ProcessorDaemon processor = processor("p1");
        int dispatched = 0;
        int missed = 0;
        for (ProcessorDaemon.TickResult tick = processor.tick(T0); tick.claimed() > 0; tick = processor.tick(T0)) {
            dispatched += tick.dispatched();
            missed += tick.missed();
        }
        assertThat(dispatched).as("one run per schedule").isEqualTo(schedules);
        assertThat(missed).isEqualTo(schedules * (latePerSchedule - 1));
        assertThat(all).allSatisfy(s -> assertThat(triggered).contains(TaskId.of(memory.runs.list(
                RunFilter.none().withSchedule(s.id()), PageRequest.first(10)).items().get(latePerSchedule - 1)
                .id().value())));
    }

    @Test
    void skip_misfire_policy_misses_every_late_run_but_fires_a_punctual_one() {
        Schedule s = schedule("s1", MisfirePolicy.SKIP, OverlapPolicy.ALLOW);
        ScheduledRun late = run(s, T0.minus(Duration.ofHours(2)));
        ScheduledRun punctual = run(s, T0.minusSeconds(5));
        processor("p1").tick(T0);
        assertThat(statusOf(late)).isEqualTo(RunStatus.MISSED);
        assertThat(statusOf(punctual)).isEqualTo(RunStatus.DISPATCHED);
    }

    @Test
    void fire_all_within_a_window_fires_the_runs_inside_it() {
        Schedule s = schedule("s1", MisfirePolicy.fireAllWithin(Duration.ofHours(3)), OverlapPolicy.ALLOW);
        ScheduledRun old = run(s, T0.minus(Duration.ofHours(5)));
        ScheduledRun recent = run(s, T0.minus(Duration.ofHours(2)));
        ScheduledRun newer = run(s, T0.minus(Duration.ofHours(1)));
        processor("p1").tick(T0);
        assertThat(statusOf(old)).isEqualTo(RunStatus.MISSED);
        assertThat(statusOf(recent)).isEqualTo(RunStatus.DISPATCHED);
        assertThat(statusOf(newer)).isEqualTo(RunStatus.DISPATCHED);
    }

    @Test
    void runs_of_a_paused_schedule_are_missed_as_paused_and_of_a_deleted_one_cancelled() {
        Schedule paused = schedule("paused", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        memory.schedules.update(paused.pause(null, T0), paused.version());
        Schedule deleted = schedule("deleted", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        memory.schedules.update(deleted.delete(T0), deleted.version());
        ScheduledRun a = run(paused, T0);
        ScheduledRun b = run(deleted, T0);
        processor("p1").tick(T0);
        assertThat(memory.runs.find(a.id()).orElseThrow().missCause()).isEqualTo(MissCause.PAUSED);
        assertThat(statusOf(b)).isEqualTo(RunStatus.CANCELLED);
        assertThat(triggered).isEmpty();
    }
}
