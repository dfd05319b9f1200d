package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.run.RunSettlement;
import com.grepsr.scheduler.application.task.TaskStopper;
import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorDaemonTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final ReportRef REPORT = ReportRef.of("r1", "p1", "a1", "svc");

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryAdapters memory = new InMemoryAdapters(clock, Duration.ofMinutes(5));
    private final List<TaskId> triggered = new ArrayList<>();

    /** Stands in for OneTimeRun: one SCHEDULED task per run, id = run id, idempotent. */
    private final RunTriggerPort trigger = run -> {
        TaskId id = TaskId.of(run.id().value());
        if (memory.tasks.find(id).isEmpty()) {
            memory.tasks.insert(Task.queue(id, TaskOrigin.scheduled(run.report(), run.scheduleId(), run.id(),
                    null, null), clock.instant()));
        }
        triggered.add(id);
        return id;
    };

    private RunSettlement settlement() {
        return new RunSettlement(memory.runs, memory.tasks, memory.outbox, memory.transactions, memory.ids);
    }

    private ProcessorDaemon processor(String replica) {
        return processor(replica, memory.tasks);
    }

    private ProcessorDaemon processor(String replica, TaskStorePort tasks) {
        TaskStopper stopper = new TaskStopper(memory.tasks, memory.history, memory.queue, memory.launcher,
                memory.transactions, clock);
        return new ProcessorDaemon(memory.runs, memory.schedules, tasks, trigger, stopper,
                settlement(), memory.transactions, memory.launcher, DaemonSettings.DEFAULTS, replica);
    }

    /** Every second from a day before T0: any whole second a test picks is one of its occurrences. */
    private Schedule schedule(String id, MisfirePolicy misfire, OverlapPolicy overlap) {
        return schedule(id, misfire, overlap, Duration.ofSeconds(1));
    }

    private Schedule schedule(String id, MisfirePolicy misfire, OverlapPolicy overlap, Duration every) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(every),
                ZoneId.of("UTC"), LocalDateTime.parse("2026-11-30T00:00"));
        Schedule s = Schedule.create(ScheduleId.of(id), id, REPORT,
                new ScheduleDetails(timing, null, misfire, overlap, null), T0.minusSeconds(3600));
        memory.schedules.insert(s);
        return s;
    }

    private ScheduledRun run(Schedule s, Instant fireAt) {
        ScheduledRun r = ScheduledRun.pending(memory.ids.runId(), s.id(), REPORT, fireAt, T0.minusSeconds(60));
        memory.runs.insertIfAbsent(List.of(r));
        return r;
    }

    private RunStatus statusOf(ScheduledRun r) {
        return memory.runs.find(r.id()).orElseThrow().status();
    }

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
    void a_run_fired_before_a_crash_is_settled_as_dispatched_not_skipped_as_its_own_overlap() {
        Schedule s = schedule("s1", MisfirePolicy.SKIP, OverlapPolicy.SKIP);
        ScheduledRun r = run(s, T0);
        // a processor claimed it and triggered it, then lost the store before settling it
        memory.runs.claimDue(T0, 10, "crashed", Duration.ofSeconds(60));
        TaskId fired = trigger.trigger(r);

        // long after: past the lease and the misfire grace, with the run's own task still queued
        ProcessorDaemon.TickResult t = processor("p2").tick(T0.plus(Duration.ofMinutes(5)));

        assertThat(t.dispatched()).isEqualTo(1);
        assertThat(statusOf(r)).isEqualTo(RunStatus.DISPATCHED);
        assertThat(memory.runs.find(r.id()).orElseThrow().task()).contains(fired);
        assertThat(triggered).containsExactly(fired, fired); // the second trigger found the same task
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

    private Task runningTaskOf(Schedule s) {
        Task t = Task.queue(memory.ids.taskId(), TaskOrigin.manual(REPORT, s.id(), null, null), T0)
                .launching("job", T0).moveTo(TaskStatus.RUNNING, T0);
        memory.tasks.insert(t);
        return t;
    }

    @Test
    void overlap_skip_skips_while_the_previous_task_runs() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.SKIP);
        runningTaskOf(s);
        ScheduledRun r = run(s, T0);
        processor("p1").tick(T0);
        ScheduledRun stored = memory.runs.find(r.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(stored.missCause()).isEqualTo(MissCause.OVERLAP);
    }

    @Test
    void overlap_allow_fires_alongside() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.ALLOW);
        runningTaskOf(s);
        ScheduledRun r = run(s, T0);
        processor("p1").tick(T0);
        assertThat(statusOf(r)).isEqualTo(RunStatus.DISPATCHED);
    }

    @Test
    void overlap_replace_stops_the_running_task_then_fires() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.REPLACE);
        Task running = runningTaskOf(s);
        ScheduledRun r = run(s, T0);
        processor("p1").tick(T0);
        assertThat(memory.tasks.find(running.id()).orElseThrow().status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(statusOf(r)).isEqualTo(RunStatus.DISPATCHED);
    }

    /** REPLACE stops the running task for a run that fires, not for one the misfire policy misses. */
    @Test
    void overlap_replace_leaves_the_running_task_alone_when_the_due_run_is_missed() {
        Schedule s = schedule("s1", MisfirePolicy.SKIP, OverlapPolicy.REPLACE);
        Task running = runningTaskOf(s);
        ScheduledRun late = run(s, T0.minus(Duration.ofHours(2)));
        processor("p1").tick(T0);
        assertThat(statusOf(late)).isEqualTo(RunStatus.MISSED);
        assertThat(memory.tasks.find(running.id()).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void overlap_queue_one_keeps_one_run_waiting_and_skips_the_rest() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.QUEUE_ONE);
        runningTaskOf(s);
        ScheduledRun first = run(s, T0.minusSeconds(20));
        ScheduledRun second = run(s, T0.minusSeconds(10));
        ProcessorDaemon.TickResult result = processor("p1").tick(T0);
        assertThat(result.waiting()).isEqualTo(1);
        assertThat(statusOf(first)).isEqualTo(RunStatus.PENDING);
        assertThat(statusOf(second)).isEqualTo(RunStatus.SKIPPED);
    }

    /**
     * A chunk judges a schedule against one view of its tasks: the run that waits for the running
     * task and the newer run judged after it see the same one, even if it ends in between. Before,
     * each decision read the tasks afresh: the task ended between the two reads, the older run
     * waited and the newer one fired — ahead of it, and beside it when the older one fired next
     * (ChaosIT: "QUEUE_ONE started Job … while Job … still ran", the replica killed in between).
     */
    @Test
    void queue_one_judges_a_chunk_against_one_view_of_the_running_task_even_if_it_ends_meanwhile() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.QUEUE_ONE);
        Task running = runningTaskOf(s);
        ScheduledRun first = run(s, T0.minusSeconds(4));
        ScheduledRun second = run(s, T0.minusSeconds(2));
        AtomicBoolean ended = new AtomicBoolean();
        TaskStorePort endsAfterFirstLook = (TaskStorePort) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TaskStorePort.class}, (proxy, method, args) -> {
                    Object answer = method.invoke(memory.tasks, args);
                    if (method.getName().equals("list") && !ended.getAndSet(true)) {
                        Task now = memory.tasks.find(running.id()).orElseThrow();
                        memory.tasks.update(now.moveTo(TaskStatus.SUCCEEDED, T0.minusSeconds(1)), now.version());
                    }
                    return answer;
                });
        ProcessorDaemon.TickResult result = processor("p1", endsAfterFirstLook).tick(T0);
        assertThat(ended).isTrue();
        assertThat(result.waiting()).isEqualTo(1);
        assertThat(statusOf(first)).isEqualTo(RunStatus.PENDING);
        assertThat(statusOf(second)).isEqualTo(RunStatus.SKIPPED);
        assertThat(triggered).isEmpty();
    }

    @Test
    void a_run_whose_task_a_dead_replica_committed_is_dispatched_however_late_and_whatever_the_policies() {
        // misfire SKIP would miss a run 90 s late, overlap SKIP would see the run's own task as running
        Schedule s = schedule("s1", MisfirePolicy.SKIP, OverlapPolicy.SKIP);
        ScheduledRun r = run(s, T0);
        memory.runs.claimDue(T0, 10, "dead", Duration.ofSeconds(60));
        trigger.trigger(r); // the dead replica committed the task, then died before settling the run
        triggered.clear();
        ProcessorDaemon.TickResult result = processor("p1").tick(T0.plusSeconds(90));
        assertThat(result.dispatched()).isEqualTo(1);
        assertThat(memory.runs.find(r.id()).orElseThrow().taskId()).isEqualTo(TaskId.of(r.id().value()));
        assertThat(triggered).containsExactly(TaskId.of(r.id().value()));
        assertThat(memory.outbox.all()).isEmpty();
    }

    @Test
    void replace_does_not_stop_the_task_a_dead_replica_started_for_the_same_run() {
        Schedule s = schedule("s1", MisfirePolicy.FIRE_ONCE_NOW, OverlapPolicy.REPLACE);
        ScheduledRun r = run(s, T0);
        memory.runs.claimDue(T0, 10, "dead", Duration.ofSeconds(60));
        trigger.trigger(r);
        processor("p1").tick(T0.plusSeconds(61));
        assertThat(statusOf(r)).isEqualTo(RunStatus.DISPATCHED);
        assertThat(memory.tasks.find(TaskId.of(r.id().value())).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
    }
}
