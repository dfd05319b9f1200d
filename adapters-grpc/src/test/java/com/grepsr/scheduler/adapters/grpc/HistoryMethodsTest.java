package com.grepsr.scheduler.adapters.grpc;

import com.google.rpc.BadRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryBySchedulerIdRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryInfoRequest;
import com.grepsr.scheduler.adapters.grpc.v1.HistorySource;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryUpdate;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryUpdateResult;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateAllTaskHistoryByStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateMetaByJobRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateOutcome;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryByBatchRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryResponse;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.T0;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeReport;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.at;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static io.grpc.Status.Code.FAILED_PRECONDITION;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.PERMISSION_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

/** UpdateTaskHistory, UpdateMetaByJob, UpdateTaskHistoryByBatch, UpdateAllTaskHistoryByStatus and the history reads. */
class HistoryMethodsTest {

    private final GrpcTestKit kit = new GrpcTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private UpdateTaskHistoryResponse reportRunning(String taskId) {
        return kit.acme().updateTaskHistory(UpdateTaskHistoryRequest.newBuilder().setTaskId(taskId)
                .setStatus(TaskStatus.TASK_STATUS_RUNNING).setProgress(10).setMessage("page 3 of 30")
                .putMetadata("rows", "120").build());
    }

    @Test
    void update_task_history_moves_the_task_and_writes_a_crawler_entry() {
        String id = kit.acmeTask().getTaskId();

        UpdateTaskHistoryResponse r = reportRunning(id);

        assertThat(r.getTask().getStatus()).isEqualTo(TaskStatus.TASK_STATUS_RUNNING);
        assertThat(r.getTask().getProgress()).isEqualTo(10);
        assertThat(r.getEntry().getSource()).isEqualTo(HistorySource.HISTORY_SOURCE_CRAWLER);
        assertThat(r.getEntry().getMetadataMap()).containsEntry("rows", "120");
        assertThat(r.getEntry().getSequence()).isPositive();
    }

    @Test
    void update_task_history_errors() {
        String id = kit.acmeTask().getTaskId();
        UpdateTaskHistoryRequest done = UpdateTaskHistoryRequest.newBuilder().setTaskId(id)
                .setStatus(TaskStatus.TASK_STATUS_SUCCEEDED).build();

        invalid("progress", () -> kit.acme().updateTaskHistory(UpdateTaskHistoryRequest.newBuilder().setTaskId(id)
                .setProgress(101).build()));
        fails(NOT_FOUND, () -> kit.acme().updateTaskHistory(done.toBuilder().setTaskId("nope").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().updateTaskHistory(done));
        kit.acme().updateTaskHistory(done);
        fails(FAILED_PRECONDITION, () -> kit.acme().updateTaskHistory(done));
    }

    @Test
    void update_meta_by_job_addresses_the_task_by_its_launch_name() {
        var task = kit.acmeTask();

        var r = kit.acme().updateMetaByJob(UpdateMetaByJobRequest.newBuilder().setJobName(task.getLaunchName())
                .setProgress(50).build());

        assertThat(r.getTask().getTaskId()).isEqualTo(task.getTaskId());
        assertThat(r.getTask().getProgress()).isEqualTo(50);
        fails(NOT_FOUND, () -> kit.acme().updateMetaByJob(UpdateMetaByJobRequest.newBuilder().setJobName("no-job")
                .setProgress(1).build()));
        fails(PERMISSION_DENIED, () -> kit.globex().updateMetaByJob(UpdateMetaByJobRequest.newBuilder()
                .setJobName(task.getLaunchName()).setProgress(1).build()));
        invalid("job_name", () -> kit.acme().updateMetaByJob(UpdateMetaByJobRequest.newBuilder().setProgress(1)
                .build()));
    }

    @Test
    void update_task_history_by_batch_applies_each_item_on_its_own() throws Exception {
        String id = kit.acmeTask().getTaskId();

        var r = kit.acme().updateTaskHistoryByBatch(UpdateTaskHistoryByBatchRequest.newBuilder()
                .addItems(TaskHistoryUpdate.newBuilder().setTaskId(id).setStatus(TaskStatus.TASK_STATUS_RUNNING))
                .addItems(TaskHistoryUpdate.newBuilder().setTaskId("nope").setProgress(5))
                .addItems(TaskHistoryUpdate.newBuilder().setTaskId(id).setProgress(150))
                .build());

        assertThat(r.getUpdated()).isEqualTo(1);
        assertThat(r.getFailed()).isEqualTo(2);
        assertThat(r.getResultsList()).extracting(TaskHistoryUpdateResult::getOutcome).containsExactly(
                UpdateOutcome.UPDATE_OUTCOME_UPDATED, UpdateOutcome.UPDATE_OUTCOME_NOT_FOUND,
                UpdateOutcome.UPDATE_OUTCOME_INVALID);
        assertThat(r.getResults(0).getTask().getStatus()).isEqualTo(TaskStatus.TASK_STATUS_RUNNING);
        assertThat(r.getResults(1).getError().getCode()).isEqualTo(Status.Code.NOT_FOUND.value());
        assertThat(r.getResults(2).getError().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
        assertThat(r.getResults(2).getError().getDetails(0).unpack(BadRequest.class).getFieldViolations(0)
                .getField()).isEqualTo("items[2].progress");
        invalid("items", () -> kit.acme().updateTaskHistoryByBatch(UpdateTaskHistoryByBatchRequest
                .getDefaultInstance()));
    }

    @Test
    void update_all_task_history_by_status_is_an_admins_bulk_move() {
        kit.acmeTask();
        kit.acmeTask();
        UpdateAllTaskHistoryByStatusRequest stale = UpdateAllTaskHistoryByStatusRequest.newBuilder()
                .setFromStatus(TaskStatus.TASK_STATUS_LAUNCHING).setToStatus(TaskStatus.TASK_STATUS_FAILED)
                .setUpdatedBefore(at(T0.plusSeconds(1))).setMessage("never started").build();

        fails(PERMISSION_DENIED, () -> kit.acme().updateAllTaskHistoryByStatus(stale));
        var r = kit.admin().updateAllTaskHistoryByStatus(stale);

        assertThat(r.getMoved()).isEqualTo(2);
        assertThat(r.getMore()).isFalse();
        fails(FAILED_PRECONDITION, () -> kit.admin().updateAllTaskHistoryByStatus(stale.toBuilder()
                .setFromStatus(TaskStatus.TASK_STATUS_SUCCEEDED).setToStatus(TaskStatus.TASK_STATUS_RUNNING).build()));
        invalid("from_status", () -> kit.admin().updateAllTaskHistoryByStatus(stale.toBuilder().clearFromStatus()
                .build()));
        invalid("to_status", () -> kit.admin().updateAllTaskHistoryByStatus(stale.toBuilder()
                .setFromStatus(TaskStatus.TASK_STATUS_QUEUED).setToStatus(TaskStatus.TASK_STATUS_LAUNCHING).build()));
    }

    @Test
    void history_of_a_schedules_tasks_and_one_entry_by_sequence() {
        String schedule = kit.acmeSchedule().getScheduleId();
        String id = kit.acme().oneTimeRun(OneTimeRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .setScheduleId(schedule).build()).getTask().getTaskId();
        long sequence = reportRunning(id).getEntry().getSequence();

        var entries = kit.acme().getTaskHistoryBySchedulerId(GetTaskHistoryBySchedulerIdRequest.newBuilder()
                .setScheduleId(schedule).build()).getEntriesList();
        var entry = kit.acme().getTaskHistoryInfo(GetTaskHistoryInfoRequest.newBuilder().setSequence(sequence)
                .build()).getEntry();

        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.getTaskId()).isEqualTo(id));
        assertThat(entries.get(0).getSequence()).isEqualTo(sequence);
        assertThat(entry.getStatus()).isEqualTo(TaskStatus.TASK_STATUS_RUNNING);
        assertThat(entry.getScheduleId()).isEqualTo(schedule);

        fails(NOT_FOUND, () -> kit.acme().getTaskHistoryBySchedulerId(GetTaskHistoryBySchedulerIdRequest.newBuilder()
                .setScheduleId("nope").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getTaskHistoryBySchedulerId(GetTaskHistoryBySchedulerIdRequest
                .newBuilder().setScheduleId(schedule).build()));
        invalid("page_size", () -> kit.acme().getTaskHistoryBySchedulerId(GetTaskHistoryBySchedulerIdRequest
                .newBuilder().setScheduleId(schedule).setPageSize(-1).build()));
        fails(NOT_FOUND, () -> kit.acme().getTaskHistoryInfo(GetTaskHistoryInfoRequest.newBuilder()
                .setSequence(999_999).build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getTaskHistoryInfo(GetTaskHistoryInfoRequest.newBuilder()
                .setSequence(sequence).build()));
        invalid("sequence", () -> kit.acme().getTaskHistoryInfo(GetTaskHistoryInfoRequest.getDefaultInstance()));
    }
}
