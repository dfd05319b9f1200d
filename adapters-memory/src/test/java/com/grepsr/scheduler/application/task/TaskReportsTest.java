package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.UpdateMetaByJobUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase.Item;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase.ItemResult;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase.Outcome;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase.Report;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.grepsr.scheduler.application.task.TaskFixture.ACME;
import static com.grepsr.scheduler.application.task.TaskFixture.GLOBEX;
import static com.grepsr.scheduler.application.task.TaskFixture.acmeReport;
import static com.grepsr.scheduler.application.task.TaskFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskReportsTest {

    private final TaskFixture f = new TaskFixture();
    private final UpdateTaskHistoryService updateTaskHistory = new UpdateTaskHistoryService(f.mem.tasks, f.recorder);
    private final UpdateMetaByJobService updateMetaByJob = new UpdateMetaByJobService(f.mem.tasks, updateTaskHistory);
    private final UpdateTaskHistoryByBatchService updateTaskHistoryByBatch =
            new UpdateTaskHistoryByBatchService(updateTaskHistory);

    private static Report crawlerReport(TaskStatus status, Integer progress, String message, Map<String, String> meta) {
        return new Report(Optional.ofNullable(status), Optional.ofNullable(progress), message, meta);
    }

    private List<TaskHistoryEntry> historyOf(Task t) {
        return f.mem.history.listByTask(t.id(), PageRequest.first(50)).items();
    }

    // --- UpdateTaskHistory

    @Test
    void a_crawler_report_moves_the_task_and_is_written_to_history() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);

        UpdateTaskHistoryUseCase.Result r = updateTaskHistory.execute(ACME, new UpdateTaskHistoryUseCase.Command(t.id(),
                crawlerReport(TaskStatus.SUCCEEDED, null, "12,000 rows", Map.of("rows", "12000"))));

        assertThat(r.task().status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(r.task().progress()).contains(100);
        assertThat(r.task().finishedAt()).contains(f.clock.instant());
        assertThat(f.current(t)).isEqualTo(r.task());
        assertThat(historyOf(t)).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(r.entry().sequence());
            assertThat(e.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(e.message()).isEqualTo("12,000 rows");
            assertThat(e.metadata()).containsEntry("rows", "12000");
            assertThat(e.source()).isEqualTo(Source.CRAWLER);
        });
    }

    @Test
    void a_progress_report_keeps_the_status_and_the_last_message() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        updateTaskHistory.execute(ACME, new UpdateTaskHistoryUseCase.Command(t.id(), Report.progress(20, "listing pages")));

        Task after = updateTaskHistory.execute(ACME, new UpdateTaskHistoryUseCase.Command(t.id(),
                crawlerReport(null, 45, "", Map.of()))).task();

        assertThat(after.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(after.progress()).contains(45);
        assertThat(after.message()).isEqualTo("listing pages");
        assertThat(historyOf(t)).extracting(TaskHistoryEntry::progress).containsExactly(45, 20);
    }

    @Test
    void a_report_on_a_finished_task_is_an_illegal_transition() {
        Task t = f.inStatus(acmeReport(), TaskStatus.FAILED);

        assertThatThrownBy(() -> updateTaskHistory.execute(ACME, new UpdateTaskHistoryUseCase.Command(t.id(),
                Report.status(TaskStatus.RUNNING)))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> updateTaskHistory.execute(ACME, new UpdateTaskHistoryUseCase.Command(t.id(),
                Report.progress(50, "")))).isInstanceOf(IllegalTransitionException.class);
        assertThat(historyOf(t)).isEmpty();
    }

    @Test
    void moving_a_queued_task_straight_to_running_is_an_illegal_transition() {
        Task t = f.queued(acmeReport());

        assertThatThrownBy(() -> updateTaskHistory.execute(ACME, new UpdateTaskHistoryUseCase.Command(t.id(),
                Report.status(TaskStatus.RUNNING)))).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("QUEUED").hasMessageContaining("RUNNING");
    }

    @Test
    void a_crawler_may_not_report_a_status_only_the_scheduler_sets() {
        Task t = f.queued(acmeReport());

        assertField(() -> crawlerReport(TaskStatus.LAUNCHING, null, "", Map.of()), "status");
        assertField(() -> crawlerReport(TaskStatus.QUEUED, null, "", Map.of()), "status");
        assertThat(f.current(t).status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void a_report_on_an_unknown_task_is_not_found_and_on_a_foreign_one_denied() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);

        assertThatThrownBy(() -> updateTaskHistory.execute(ACME, new UpdateTaskHistoryUseCase.Command(TaskId.of("nope"),
                Report.progress(1, "")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> updateTaskHistory.execute(GLOBEX, new UpdateTaskHistoryUseCase.Command(t.id(),
                Report.progress(1, "")))).isInstanceOf(AccessDeniedException.class);
        assertThat(historyOf(t)).isEmpty();
    }

    @Test
    void a_report_wins_a_version_race_on_its_retry() {
        Task stale = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        f.recorder.record(stale.id(), null, 10, null, Map.of(), Source.LAUNCHER);
        RacingTaskStore racing = new RacingTaskStore(f.mem.tasks).staleReadOf(stale).staleReadOf(stale);
        UpdateTaskHistoryService racy = new UpdateTaskHistoryService(racing,
                new TaskTransitions(racing, f.mem.history, f.mem.transactions, f.clock));

        // the first stale read is the access check, the second the recorder's first attempt
        Task after = racy.execute(ACME, new UpdateTaskHistoryUseCase.Command(stale.id(), Report.progress(60, "")))
                .task();

        assertThat(after.progress()).contains(60);
        assertThat(racing.updateAttempts).isEqualTo(2);
    }

    @Test
    void a_report_that_loses_every_race_is_a_version_conflict() {
        Task stale = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        f.recorder.record(stale.id(), null, 10, null, Map.of(), Source.LAUNCHER);
        RacingTaskStore racing = new RacingTaskStore(f.mem.tasks)
                .staleReadOf(stale).staleReadOf(stale).staleReadOf(stale).staleReadOf(stale); // access check + every attempt
        UpdateTaskHistoryService racy = new UpdateTaskHistoryService(racing,
                new TaskTransitions(racing, f.mem.history, f.mem.transactions, f.clock));

        assertThatThrownBy(() -> racy.execute(ACME, new UpdateTaskHistoryUseCase.Command(stale.id(),
                Report.progress(60, "")))).isInstanceOf(VersionConflictException.class);
        assertThat(f.current(stale).progress()).contains(10);
    }

    @Test
    void each_report_field_is_validated_by_name() {
        assertField(() -> crawlerReport(null, 101, "", Map.of()), "progress");
        assertField(() -> crawlerReport(null, -1, "", Map.of()), "progress");
        assertField(() -> crawlerReport(null, null, "x".repeat(Task.MAX_MESSAGE_LENGTH + 1), Map.of()), "message");
        assertField(() -> crawlerReport(null, null, "bell\u0007", Map.of()), "message");
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i <= TaskHistoryEntry.MAX_METADATA; i++) {
            tooMany.put("k" + i, "v");
        }
        assertField(() -> crawlerReport(null, null, "", tooMany), "metadata");
        assertField(() -> crawlerReport(null, null, "", Map.of("bad key!", "v")), "metadata");
        assertField(() -> crawlerReport(null, null, "", Map.of("rows", "9".repeat(TaskHistoryEntry.MAX_METADATA_VALUE + 1))),
                "metadata.rows");
        assertField(() -> new UpdateTaskHistoryUseCase.Command(null, Report.progress(1, "")), "task_id");
        assertField(() -> new UpdateTaskHistoryUseCase.Command(TaskId.of("t"), null), "status");
        assertField(() -> TaskId.of("no spaces"), "task_id");
    }

    // --- UpdateMetaByJob

    @Test
    void a_report_addressed_by_job_name_updates_the_launched_task() {
        Task t = f.inStatus(acmeReport(), TaskStatus.LAUNCHING);

        UpdateTaskHistoryUseCase.Result r = updateMetaByJob.execute(ACME, new UpdateMetaByJobUseCase.Command(
                "job-" + t.id(), crawlerReport(TaskStatus.RUNNING, 5, "pod started", Map.of("node", "n1"))));

        assertThat(r.task().id()).isEqualTo(t.id());
        assertThat(r.task().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(historyOf(t)).singleElement().satisfies(e -> {
            assertThat(e.metadata()).containsEntry("node", "n1");
            assertThat(e.source()).isEqualTo(Source.CRAWLER);
        });
    }

    @Test
    void an_unknown_job_is_not_found_and_a_foreign_one_denied() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);

        assertThatThrownBy(() -> updateMetaByJob.execute(ACME, new UpdateMetaByJobUseCase.Command("job-none",
                Report.progress(1, "")))).isInstanceOf(NotFoundException.class).hasMessageContaining("job-none");
        assertThatThrownBy(() -> updateMetaByJob.execute(GLOBEX, new UpdateMetaByJobUseCase.Command("job-" + t.id(),
                Report.progress(1, "")))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_job_report_on_a_finished_task_is_an_illegal_transition() {
        Task t = f.inStatus(acmeReport(), TaskStatus.SUCCEEDED);

        assertThatThrownBy(() -> updateMetaByJob.execute(ACME, new UpdateMetaByJobUseCase.Command("job-" + t.id(),
                Report.status(TaskStatus.FAILED)))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_job_name_is_required_and_bounded() {
        assertField(() -> new UpdateMetaByJobUseCase.Command("  ", Report.progress(1, "")), "job_name");
        assertField(() -> new UpdateMetaByJobUseCase.Command(null, Report.progress(1, "")), "job_name");
        assertField(() -> new UpdateMetaByJobUseCase.Command("j".repeat(254), Report.progress(1, "")), "job_name");
        assertField(() -> new UpdateMetaByJobUseCase.Command("job-1", null), "status");
    }

    // --- UpdateTaskHistoryByBatch

    @Test
    void a_batch_applies_good_items_and_reports_each_bad_one_without_blocking_the_rest() {
        Task running = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        Task done = f.inStatus(acmeReport(), TaskStatus.SUCCEEDED);
        Task foreign = f.inStatus(report("globex", "g1"), TaskStatus.RUNNING);
        Task launching = f.inStatus(acmeReport(), TaskStatus.LAUNCHING);

        UpdateTaskHistoryByBatchUseCase.Result r = updateTaskHistoryByBatch.execute(ACME, new UpdateTaskHistoryByBatchUseCase.Command(
                List.of(new Item(running.id().value(), null, 50, "half", Map.of()),
                        new Item(done.id().value(), TaskStatus.RUNNING, null, null, null),
                        new Item("missing", TaskStatus.RUNNING, null, null, null),
                        new Item(running.id().value(), null, 150, null, null),
                        new Item("not an id!", null, 1, null, null),
                        new Item(foreign.id().value(), null, 1, null, null),
                        new Item(launching.id().value(), TaskStatus.RUNNING, 1, "up", Map.of("pod", "p")))));

        assertThat(r.items()).extracting(ItemResult::outcome).containsExactly(Outcome.UPDATED,
                Outcome.ILLEGAL_TRANSITION, Outcome.NOT_FOUND, Outcome.INVALID, Outcome.INVALID,
                Outcome.ACCESS_DENIED, Outcome.UPDATED);
        assertThat(r.items()).extracting(ItemResult::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(r.updated()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(5);
        assertThat(r.items().get(3).error().orElseThrow())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("items[3].progress"));
        assertThat(r.items().get(4).error().orElseThrow()).hasMessageContaining("items[4].task_id");
        assertThat(f.current(running).progress()).contains(50);
        assertThat(f.current(launching).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(f.current(done)).isEqualTo(done);
        assertThat(f.current(foreign)).isEqualTo(foreign);
        assertThat(historyOf(running)).hasSize(1);
        assertThat(r.items().get(6).task().orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void a_batch_applies_items_for_the_same_task_in_order() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);

        UpdateTaskHistoryByBatchUseCase.Result r = updateTaskHistoryByBatch.execute(ACME, new UpdateTaskHistoryByBatchUseCase.Command(
                List.of(new Item(t.id().value(), null, 90, null, null),
                        new Item(t.id().value(), TaskStatus.SUCCEEDED, null, "done", null),
                        new Item(t.id().value(), null, 95, null, null))));

        assertThat(r.items()).extracting(ItemResult::outcome)
                .containsExactly(Outcome.UPDATED, Outcome.UPDATED, Outcome.ILLEGAL_TRANSITION);
        assertThat(historyOf(t)).extracting(TaskHistoryEntry::status)
                .containsExactly(TaskStatus.SUCCEEDED, TaskStatus.RUNNING);
    }

    @Test
    void a_batch_item_error_without_an_outcome_fails_where_it_is_made_not_when_mapped() {
        // a report only changes a task: "already exists" is no outcome of it
        assertThatThrownBy(() -> ItemResult.failed(0, "t", new AlreadyExistsException("task", "t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AlreadyExistsException");
    }

    @Test
    void a_batch_needs_between_one_and_500_items() {
        List<Item> tooMany = new ArrayList<>(Collections.nCopies(UpdateTaskHistoryByBatchUseCase.MAX_ITEMS + 1,
                new Item("t", null, 1, null, null)));
        assertField(() -> new UpdateTaskHistoryByBatchUseCase.Command(tooMany), "items");
        assertField(() -> new UpdateTaskHistoryByBatchUseCase.Command(List.of()), "items");
        assertField(() -> new UpdateTaskHistoryByBatchUseCase.Command(null), "items");
        List<Item> withNull = new ArrayList<>();
        withNull.add(null);
        assertField(() -> new UpdateTaskHistoryByBatchUseCase.Command(withNull), "items");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo(field));
    }
}
