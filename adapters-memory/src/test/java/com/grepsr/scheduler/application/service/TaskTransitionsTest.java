package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.grepsr.scheduler.application.service.TaskFixture.acmeReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskTransitionsTest {

    private final TaskFixture f = new TaskFixture();

    @Test
    void records_a_status_change_on_the_task_and_in_its_history() {
        Task t = f.inStatus(acmeReport(), TaskStatus.LAUNCHING);
        f.clock.tick(Duration.ofMinutes(1));

        TaskTransitions.Recorded r = f.recorder.record(t.id(), TaskStatus.RUNNING, 10, "started",
                Map.of("pod", "crawler-1"), Source.LAUNCHER);

        Task stored = f.current(t);
        assertThat(stored.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(stored.progress()).contains(10);
        assertThat(stored.message()).isEqualTo("started");
        assertThat(stored.startedAt()).contains(f.clock.instant());
        assertThat(stored.version()).isEqualTo(t.version() + 1);
        assertThat(r.task()).isEqualTo(stored);
        TaskHistoryEntry e = f.mem.history.find(r.entry().sequence()).orElseThrow();
        assertThat(e.taskId()).isEqualTo(t.id());
        assertThat(e.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(e.progress()).isEqualTo(10);
        assertThat(e.metadata()).containsEntry("pod", "crawler-1");
        assertThat(e.source()).isEqualTo(Source.LAUNCHER);
        assertThat(e.at()).isEqualTo(f.clock.instant());
        assertThat(e.accountId()).isEqualTo(acmeReport().accountId());
    }

    @Test
    void without_a_status_keeps_the_current_one_and_only_updates_progress() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);

        f.recorder.record(t.id(), null, 55, null, Map.of(), Source.CRAWLER);

        Task stored = f.current(t);
        assertThat(stored.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(stored.progress()).contains(55);
    }

    @Test
    void refuses_a_move_the_lifecycle_forbids_and_writes_nothing() {
        Task t = f.inStatus(acmeReport(), TaskStatus.SUCCEEDED);

        assertThatThrownBy(() -> f.recorder.record(t.id(), TaskStatus.RUNNING, null, null, Map.of(), Source.CRAWLER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(f.current(t)).isEqualTo(t);
        assertThat(f.mem.history.listByTask(t.id(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void an_unknown_task_is_not_found() {
        assertThatThrownBy(() -> f.recorder.record(TaskId.of("nope"), TaskStatus.RUNNING, null, null, Map.of(),
                Source.CRAWLER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_lost_version_race_is_retried_once_on_a_fresh_read() {
        Task stale = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        Task fresh = f.recorder.record(stale.id(), null, 20, null, Map.of(), Source.CRAWLER).task();
        RacingTaskStore racing = new RacingTaskStore(f.mem.tasks).staleReadOf(stale);
        TaskTransitions recorder = new TaskTransitions(racing, f.mem.history, f.mem.transactions, f.clock);

        Task done = recorder.record(stale.id(), TaskStatus.SUCCEEDED, null, "done", Map.of(), Source.CRAWLER).task();

        assertThat(racing.updateAttempts).isEqualTo(2);
        assertThat(done.version()).isEqualTo(fresh.version() + 1);
        assertThat(f.current(stale).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(f.mem.history.listByTask(stale.id(), PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void losing_the_race_on_every_attempt_is_a_version_conflict_with_nothing_written() {
        Task stale = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        Task fresh = f.recorder.record(stale.id(), null, 20, null, Map.of(), Source.CRAWLER).task();
        RacingTaskStore racing = new RacingTaskStore(f.mem.tasks).staleReadOf(stale).staleReadOf(stale)
                .staleReadOf(stale); // one stale read for each of the TaskTransitions.ATTEMPTS
        TaskTransitions recorder = new TaskTransitions(racing, f.mem.history, f.mem.transactions, f.clock);

        assertThatThrownBy(() -> recorder.record(stale.id(), TaskStatus.SUCCEEDED, null, null, Map.of(),
                Source.CRAWLER)).isInstanceOf(VersionConflictException.class);
        assertThat(f.current(stale)).isEqualTo(fresh);
        assertThat(f.mem.history.listByTask(stale.id(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void a_change_decided_on_a_stale_status_is_not_applied_to_the_new_one() {
        Task seen = f.inStatus(acmeReport(), TaskStatus.LAUNCHING);
        f.recorder.record(seen.id(), TaskStatus.RUNNING, null, null, Map.of(), Source.LAUNCHER);

        // LAUNCHING → FAILED was decided; RUNNING → FAILED would be legal, but it is not what was decided.
        assertThatThrownBy(() -> f.recorder.recordFrom(seen, TaskStatus.FAILED, null, "stale", Map.of(), Source.USER))
                .isInstanceOf(VersionConflictException.class);
        assertThat(f.current(seen).status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void a_change_decided_on_a_status_that_still_holds_is_retried() {
        Task seen = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        f.recorder.record(seen.id(), null, 40, null, Map.of(), Source.CRAWLER);

        Task moved = f.recorder.recordFrom(seen, TaskStatus.FAILED, null, "silent", Map.of(), Source.USER).task();

        assertThat(moved.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(moved.progress()).contains(40);
    }
}
