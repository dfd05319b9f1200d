package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Request;
import com.grepsr.scheduler.adapters.grpc.v1.GetChildTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetCompletedTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetStatsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskInfoRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTasksStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.StatsBasis;
import com.grepsr.scheduler.adapters.grpc.v1.StatusCount;
import com.grepsr.scheduler.adapters.grpc.v1.StopTaskRequest;
import com.grepsr.scheduler.adapters.grpc.v1.TaskKind;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.T0;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeReport;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.at;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.PERMISSION_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

/** GetTaskStatus, GetTasksStatus, GetTaskInfo, GetActiveTasksV2, GetCompletedTasks, GetChildTasks, GetStats. */
class TaskReadMethodsTest {

    private final GrpcTestKit kit = new GrpcTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private MultiProcessRunResponse acmeMultiRun() {
        return kit.acme().multiProcessRun(MultiProcessRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .setProcessors(3).setParallelism(1).build());
    }

    /** A manual task of acme that was stopped at T0 (a final status). */
    private String acmeStoppedTask() {
        String id = kit.acmeTask().getTaskId();
        kit.acme().stopTask(StopTaskRequest.newBuilder().setTaskId(id).build());
        return id;
    }

    @Test
    void get_task_status_answers_the_status_part_of_a_task() {
        String id = kit.acmeTask().getTaskId();

        var status = kit.acme().getTaskStatus(GetTaskStatusRequest.newBuilder().setTaskId(id).build()).getStatus();

        assertThat(status.getTaskId()).isEqualTo(id);
        assertThat(status.getStatus()).isEqualTo(TaskStatus.TASK_STATUS_LAUNCHING);
        assertThat(status.getUpdatedAt()).isEqualTo(at(T0));
        fails(NOT_FOUND, () -> kit.acme().getTaskStatus(GetTaskStatusRequest.newBuilder().setTaskId("nope").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getTaskStatus(GetTaskStatusRequest.newBuilder().setTaskId(id)
                .build()));
        invalid("task_id", () -> kit.acme().getTaskStatus(GetTaskStatusRequest.getDefaultInstance()));
    }

    @Test
    void get_tasks_status_lists_unknown_ids_apart_and_refuses_a_foreign_one() {
        String id = kit.acmeTask().getTaskId();

        var r = kit.acme().getTasksStatus(GetTasksStatusRequest.newBuilder().addTaskIds(id).addTaskIds("nope")
                .build());

        assertThat(r.getStatusesList()).extracting(s -> s.getTaskId()).containsExactly(id);
        assertThat(r.getNotFoundTaskIdsList()).containsExactly("nope");
        fails(PERMISSION_DENIED, () -> kit.globex().getTasksStatus(GetTasksStatusRequest.newBuilder().addTaskIds(id)
                .build()));
        invalid("task_ids", () -> kit.acme().getTasksStatus(GetTasksStatusRequest.getDefaultInstance()));
        invalid("task_ids[1]", () -> kit.acme().getTasksStatus(GetTasksStatusRequest.newBuilder().addTaskIds(id)
                .addTaskIds("").build()));
    }

    @Test
    void get_task_info_counts_a_parents_children() {
        MultiProcessRunResponse run = acmeMultiRun();

        var r = kit.acme().getTaskInfo(GetTaskInfoRequest.newBuilder().setTaskId(run.getParent().getTaskId()).build());

        assertThat(r.getTask().getKind()).isEqualTo(TaskKind.TASK_KIND_PARENT);
        assertThat(r.getChildren().getTotal()).isEqualTo(3);
        assertThat(r.getChildren().getActive()).isEqualTo(3);
        assertThat(r.getChildren().getByStatusList()).extracting(StatusCount::getStatus)
                .contains(TaskStatus.TASK_STATUS_QUEUED, TaskStatus.TASK_STATUS_LAUNCHING);
        fails(NOT_FOUND, () -> kit.acme().getTaskInfo(GetTaskInfoRequest.newBuilder().setTaskId("nope").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getTaskInfo(GetTaskInfoRequest.newBuilder()
                .setTaskId(run.getParent().getTaskId()).build()));
    }

    @Test
    void get_active_tasks_lists_the_callers_active_tasks_newest_first() {
        String first = kit.acmeTask().getTaskId();
        kit.scheduler.clock().tick(java.time.Duration.ofSeconds(1));
        String second = kit.acmeTask().getTaskId();

        var r = kit.acme().getActiveTasksV2(GetActiveTasksV2Request.newBuilder().setPageSize(1).build());
        var next = kit.acme().getActiveTasksV2(GetActiveTasksV2Request.newBuilder().setPageSize(1)
                .setPageToken(r.getNextPageToken()).build());

        assertThat(r.getTasksList()).extracting(t -> t.getTaskId()).containsExactly(second);
        assertThat(next.getTasksList()).extracting(t -> t.getTaskId()).containsExactly(first);
        assertThat(kit.globex().getActiveTasksV2(GetActiveTasksV2Request.getDefaultInstance()).getTasksList())
                .isEmpty();
        fails(PERMISSION_DENIED, () -> kit.acme().getActiveTasksV2(GetActiveTasksV2Request.newBuilder()
                .setAccountId("globex").build()));
        invalid("statuses", () -> kit.acme().getActiveTasksV2(GetActiveTasksV2Request.newBuilder()
                .addStatuses(TaskStatus.TASK_STATUS_SUCCEEDED).build()));
        invalid("page_token", () -> kit.acme().getActiveTasksV2(GetActiveTasksV2Request.newBuilder()
                .setPageToken("not-a-token").build()));
    }

    @Test
    void get_completed_tasks_lists_tasks_finished_in_the_window() {
        String stopped = acmeStoppedTask();
        GetCompletedTasksRequest window = GetCompletedTasksRequest.newBuilder().setFrom(at(T0.minusSeconds(3600)))
                .setTo(at(T0.plusSeconds(3600))).build();

        assertThat(kit.acme().getCompletedTasks(window).getTasksList()).extracting(t -> t.getTaskId())
                .containsExactly(stopped);
        invalid("from", () -> kit.acme().getCompletedTasks(GetCompletedTasksRequest.getDefaultInstance()));
        invalid("to", () -> kit.acme().getCompletedTasks(window.toBuilder().clearTo().build()));
        fails(PERMISSION_DENIED, () -> kit.acme().getCompletedTasks(window.toBuilder().setAccountId("globex")
                .build()));
    }

    @Test
    void get_child_tasks_lists_a_parents_children() {
        MultiProcessRunResponse run = acmeMultiRun();
        String manual = kit.acmeTask().getTaskId();

        var r = kit.acme().getChildTasks(GetChildTasksRequest.newBuilder()
                .setParentTaskId(run.getParent().getTaskId()).build());

        assertThat(r.getTasksList()).extracting(t -> t.getTaskId())
                .containsExactlyInAnyOrderElementsOf(run.getChildTaskIdsList());
        fails(NOT_FOUND, () -> kit.acme().getChildTasks(GetChildTasksRequest.newBuilder().setParentTaskId("nope")
                .build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getChildTasks(GetChildTasksRequest.newBuilder()
                .setParentTaskId(run.getParent().getTaskId()).build()));
        invalid("parent_task_id", () -> kit.acme().getChildTasks(GetChildTasksRequest.newBuilder()
                .setParentTaskId(manual).build()));
    }

    @Test
    void get_stats_counts_tasks_by_status_in_the_window() {
        acmeStoppedTask();
        kit.acmeTask();
        GetStatsRequest window = GetStatsRequest.newBuilder().setFrom(at(T0.minusSeconds(3600)))
                .setTo(at(T0.plusSeconds(3600))).build();

        var r = kit.acme().getStats(window);

        assertThat(r.getTotal()).isEqualTo(2);
        assertThat(r.getFinished()).isEqualTo(1);
        assertThat(r.getSuccessRate()).isZero();
        assertThat(r.getBasis()).isEqualTo(StatsBasis.STATS_BASIS_CREATED);
        assertThat(r.getCountsByStatusList()).extracting(StatusCount::getStatus)
                .containsExactly(TaskStatus.TASK_STATUS_LAUNCHING, TaskStatus.TASK_STATUS_STOPPED);
        assertThat(kit.globex().getStats(window).getTotal()).isZero();
        invalid("from", () -> kit.acme().getStats(GetStatsRequest.getDefaultInstance()));
        invalid("to", () -> kit.acme().getStats(window.toBuilder().setTo(at(T0.plusSeconds(365L * 86_400))).build()));
        fails(PERMISSION_DENIED, () -> kit.acme().getStats(window.toBuilder().setAccountId("globex").build()));
    }
}
