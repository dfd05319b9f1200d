package com.grepsr.scheduler.application.daemon;

import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor's overlap policies (SKIP, ALLOW, REPLACE, QUEUE_ONE) against running tasks, and
 * against the task of the same run a dead replica left behind: its own task is never an overlap.
 */
class ProcessorOverlapTest extends ProcessorDaemonFixture {

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
