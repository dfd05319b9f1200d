package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.crashsafety.CrashPoint.Fault;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleCreatedEvent;
import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after any crash once the survivors have healed it: the fault did happen; every
 * run was settled exactly once (DISPATCHED, or MISSED with its cause when the misfire policy
 * says so); a dispatched run has exactly one task and one crawler, under any name; every task
 * ended; the outbox holds each expected event once, and the feed one copy of each.
 */
public final class CrashInvariants {

    private final CrashScenario scenario;
    private final CrashStores stores;

    CrashInvariants(CrashScenario scenario, CrashStores stores) {
        this.scenario = scenario;
        this.stores = stores;
    }

    public void verify() {
        faultHappened();
        List<ScheduledRunId> runs = scenario.runIds();
        assertThat(runs).as("one run per schedule").hasSize(scenario.schedules.size());
        runs.forEach(this::settledOnce);
        oneCrawlerPerDispatchedRun(runs);
        eventsOnce(runs);
    }

    private void faultHappened() {
        CrashPoint point = scenario.faults.point();
        assertThat(scenario.faults.fired()).as("the fault at %s fired", point).isTrue();
        assertThat(scenario.killed).as("the victim died").isEqualTo(point.fault() == Fault.KILL);
    }

    private void settledOnce(ScheduledRunId id) {
        ScheduledRun run = stores.runs().find(id).orElseThrow();
        assertThat(scenario.settlements.getOrDefault(id, 0)).as("committed settlements of %s", id).isEqualTo(1);
        Optional<Task> task = stores.tasks().find(TaskId.of(id.value()));
        if (scenario.tasksBeforeHealing.contains(TaskId.of(id.value()))) {
            // its task was durable when the victim died: firing it had been decided, whatever the lateness
            assertThat(run.status()).as("run %s whose task was committed before the crash", id)
                    .isEqualTo(RunStatus.DISPATCHED);
        }
        if (run.status() == RunStatus.DISPATCHED) {
            assertThat(run.taskId()).isEqualTo(TaskId.of(id.value()));
            assertThat(task).as("task of dispatched run %s", id).isPresent();
            assertThat(task.get().status()).as("task of run %s once the crawls ended", id)
                    .isEqualTo(TaskStatus.SUCCEEDED);
        } else {
            assertThat(run.status()).as("run %s is dispatched or missed", id).isEqualTo(RunStatus.MISSED);
            assertThat(scenario.misfire).as("only SKIP misses a one-time run healed late").isEqualTo(MisfirePolicy.SKIP);
            assertThat(run.missCause()).isEqualTo(MissCause.SCHEDULER_DOWN);
            assertThat(task).as("a missed run has no task").isEmpty();
        }
    }

    private void oneCrawlerPerDispatchedRun(List<ScheduledRunId> runs) {
        Map<String, Long> perRun = scenario.cluster.creations().stream()
                .collect(Collectors.groupingBy(CountingLauncher.Creation::run, Collectors.counting()));
        for (ScheduledRunId id : runs) {
            boolean dispatched = stores.runs().find(id).orElseThrow().status() == RunStatus.DISPATCHED;
            assertThat(perRun.getOrDefault(id.value(), 0L)).as("Jobs created for run %s", id)
                    .isEqualTo(dispatched ? 1L : 0L);
        }
        assertThat(perRun.keySet()).as("no Job for anything but these runs")
                .isSubsetOf(runs.stream().map(ScheduledRunId::value).toList());
    }

    private void eventsOnce(List<ScheduledRunId> runs) {
        List<ActivityEvent> events = stores.outboxContents().get();
        assertThat(events.stream().map(ActivityEvent::id).toList()).as("event ids").doesNotHaveDuplicates();
        Map<String, Long> created = count(events.stream().filter(e -> e instanceof ReportScheduleCreatedEvent).toList(),
                e -> e.scheduleId().value());
        assertThat(created).as("one created event per schedule").hasSize(scenario.schedules.size())
                .allSatisfy((schedule, n) -> assertThat(n).isEqualTo(1L));
        Map<String, Long> missed = count(events.stream().filter(e -> e instanceof ScheduledRunMissedEvent).toList(),
                e -> ((ScheduledRunMissedEvent) e).details().get("scheduled_run_id"));
        for (ScheduledRunId id : runs) {
            boolean isMissed = stores.runs().find(id).orElseThrow().status() == RunStatus.MISSED;
            assertThat(missed.getOrDefault(id.value(), 0L)).as("missed events of run %s", id)
                    .isEqualTo(isMissed ? 1L : 0L);
        }
        assertThat(events).as("no other events").hasSize(created.size() + missed.values().stream()
                .mapToInt(Long::intValue).sum());
        stores.feed().ifPresent(feed -> {
            assertThat(stores.outbox().undelivered(100)).as("outbox drained by the relay").isEmpty();
            events.forEach(e -> assertThat(feed.copies().applyAsInt(e.id())).as("copies of %s in the feed", e)
                    .isEqualTo(1));
        });
    }

    private static Map<String, Long> count(List<ActivityEvent> events, Function<ActivityEvent, String> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
