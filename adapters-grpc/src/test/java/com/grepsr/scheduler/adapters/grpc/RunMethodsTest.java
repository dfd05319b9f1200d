package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopChildTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopTaskRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.TaskKind;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeReport;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.globexReport;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static io.grpc.Status.Code.FAILED_PRECONDITION;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.PERMISSION_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

/** OneTimeRun, OneTimeTestRun, MultiProcessRun, AddToTaskQueue, StopRun, StopTask, StopChildTasks over gRPC. */
class RunMethodsTest {

    private final GrpcTestKit kit = new GrpcTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private MultiProcessRunResponse acmeMultiRun(int processors, int parallelism) {
        return kit.acme().multiProcessRun(MultiProcessRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .setProcessors(processors).setParallelism(parallelism).build());
    }

    // ---- OneTimeRun -----------------------------------------------------------------------------

    @Test
    void one_time_run_launches_a_manual_task_with_the_parameters() {
        Task task = kit.acme().oneTimeRun(OneTimeRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .putParameters("category", "shoes").build()).getTask();

        assertThat(task.getKind()).isEqualTo(TaskKind.TASK_KIND_MANUAL);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.TASK_STATUS_LAUNCHING);
        assertThat(task.getParametersMap()).containsEntry("category", "shoes");
        assertThat(task.getReport()).isEqualTo(acmeReport("report-1"));
        assertThat(task.getLaunchName()).isNotEmpty();
    }

    @Test
    void one_time_run_without_a_report_is_invalid() {
        invalid("report", () -> kit.acme().oneTimeRun(OneTimeRunRequest.getDefaultInstance()));
    }

    @Test
    void one_time_run_of_a_report_with_a_bad_id_names_the_field() {
        invalid("report.account_id", () -> kit.acme().oneTimeRun(OneTimeRunRequest.newBuilder()
                .setReport(acmeReport("report-1").toBuilder().setAccountId("no spaces allowed")).build()));
    }

    @Test
    void one_time_run_of_another_accounts_report_is_denied() {
        fails(PERMISSION_DENIED, () -> kit.acme().oneTimeRun(OneTimeRunRequest.newBuilder()
                .setReport(globexReport("report-9")).build()));
    }

    @Test
    void one_time_run_of_an_unknown_schedule_is_not_found() {
        fails(NOT_FOUND, () -> kit.admin().oneTimeRun(OneTimeRunRequest.newBuilder()
                .setReport(acmeReport("report-1")).setScheduleId("no-such-schedule").build()));
    }

    @Test
    void only_the_scheduler_fires_a_scheduled_run() {
        String schedule = kit.acmeSchedule().getScheduleId();

        fails(PERMISSION_DENIED, () -> kit.acme().oneTimeRun(OneTimeRunRequest.newBuilder()
                .setReport(acmeReport("report-1")).setScheduleId(schedule).setScheduledRunId("run-1").build()));
    }

    // ---- OneTimeTestRun -------------------------------------------------------------------------

    @Test
    void one_time_test_run_launches_a_test_task_with_the_default_row_limit() {
        Task task = kit.acme().oneTimeTestRun(OneTimeTestRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .build()).getTask();

        assertThat(task.getKind()).isEqualTo(TaskKind.TASK_KIND_TEST);
        assertThat(task.getTestRowLimit()).isEqualTo(100);
    }

    @Test
    void one_time_test_run_with_an_absurd_row_limit_is_invalid() {
        invalid("row_limit", () -> kit.acme().oneTimeTestRun(OneTimeTestRunRequest.newBuilder()
                .setReport(acmeReport("report-1")).setRowLimit(5_000_000).build()));
    }

    @Test
    void one_time_test_run_of_another_accounts_report_is_denied() {
        fails(PERMISSION_DENIED, () -> kit.globex().oneTimeTestRun(OneTimeTestRunRequest.newBuilder()
                .setReport(acmeReport("report-1")).build()));
    }

    // ---- MultiProcessRun / AddToTaskQueue -------------------------------------------------------

    @Test
    void multi_process_run_creates_a_parent_and_children_and_launches_up_to_parallelism() {
        MultiProcessRunResponse r = acmeMultiRun(3, 2);

        assertThat(r.getParent().getKind()).isEqualTo(TaskKind.TASK_KIND_PARENT);
        assertThat(r.getParent().getParallelism()).isEqualTo(2);
        assertThat(r.getChildTaskIdsList()).hasSize(3);
        assertThat(r.getLaunchedTaskIdsList()).hasSize(2);
    }

    @Test
    void multi_process_run_with_no_parallelism_is_invalid() {
        invalid("parallelism", () -> acmeMultiRun(3, 0));
    }

    @Test
    void multi_process_run_of_another_accounts_report_is_denied() {
        fails(PERMISSION_DENIED, () -> kit.acme().multiProcessRun(MultiProcessRunRequest.newBuilder()
                .setReport(globexReport("report-9")).setProcessors(1).setParallelism(1).build()));
    }

    @Test
    void add_to_task_queue_queues_work_items_as_children() {
        String parent = acmeMultiRun(0, 2).getParent().getTaskId();

        var r = kit.acme().addToTaskQueue(AddToTaskQueueRequest.newBuilder().setParentTaskId(parent)
                .addPayloads("{\"page\":1}").addPayloads("{\"page\":2}").addPayloads("{\"page\":3}").build());

        assertThat(r.getAdded()).isEqualTo(3);
        assertThat(r.getLaunchedTaskIdsList()).hasSize(2);
        assertThat(r.getPending()).isEqualTo(1);
    }

    @Test
    void add_to_task_queue_errors() {
        String parent = acmeMultiRun(0, 1).getParent().getTaskId();
        String manual = kit.acmeTask().getTaskId();
        AddToTaskQueueRequest.Builder work = AddToTaskQueueRequest.newBuilder().addPayloads("x");

        fails(NOT_FOUND, () -> kit.acme().addToTaskQueue(work.setParentTaskId("no-such-task").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().addToTaskQueue(work.setParentTaskId(parent).build()));
        invalid("parent_task_id", () -> kit.acme().addToTaskQueue(work.setParentTaskId(manual).build()));
        invalid("payloads", () -> kit.acme().addToTaskQueue(AddToTaskQueueRequest.newBuilder()
                .setParentTaskId(parent).build()));
        kit.acme().stopTask(StopTaskRequest.newBuilder().setTaskId(parent).build());
        fails(FAILED_PRECONDITION, () -> kit.acme().addToTaskQueue(work.setParentTaskId(parent).build()));
    }

    // ---- stops ----------------------------------------------------------------------------------

    @Test
    void stop_run_stops_the_reports_active_tasks() {
        String task = kit.acmeTask().getTaskId();

        var r = kit.acme().stopRun(StopRunRequest.newBuilder().setReportId("report-1").setReason("enough").build());

        assertThat(r.getStoppedTaskIdsList()).containsExactly(task);
    }

    @Test
    void stop_run_without_a_report_id_is_invalid() {
        invalid("report_id", () -> kit.acme().stopRun(StopRunRequest.getDefaultInstance()));
    }

    @Test
    void stop_run_by_another_account_stops_nothing_of_acme() {
        kit.acmeTask();

        assertThat(kit.globex().stopRun(StopRunRequest.newBuilder().setReportId("report-1").build())
                .getStoppedTaskIdsList()).isEmpty();
    }

    @Test
    void stop_task_stops_one_task_and_refuses_to_stop_it_twice() {
        String task = kit.acmeTask().getTaskId();
        StopTaskRequest stop = StopTaskRequest.newBuilder().setTaskId(task).setReason("wrong category").build();

        var r = kit.acme().stopTask(stop);

        assertThat(r.getTask().getStatus()).isEqualTo(TaskStatus.TASK_STATUS_STOPPED);
        assertThat(r.getStoppedTaskIdsList()).containsExactly(task);
        fails(FAILED_PRECONDITION, () -> kit.acme().stopTask(stop));
    }

    @Test
    void stop_task_errors() {
        String task = kit.acmeTask().getTaskId();

        fails(NOT_FOUND, () -> kit.acme().stopTask(StopTaskRequest.newBuilder().setTaskId("no-such-task").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().stopTask(StopTaskRequest.newBuilder().setTaskId(task).build()));
        invalid("task_id", () -> kit.acme().stopTask(StopTaskRequest.getDefaultInstance()));
    }

    @Test
    void stop_child_tasks_stops_the_children_and_drops_queued_work() {
        MultiProcessRunResponse run = acmeMultiRun(3, 1);

        var r = kit.acme().stopChildTasks(StopChildTasksRequest.newBuilder()
                .setParentTaskId(run.getParent().getTaskId()).build());

        assertThat(r.getStoppedTaskIdsList()).containsExactlyInAnyOrderElementsOf(run.getChildTaskIdsList());
    }

    @Test
    void stop_child_tasks_errors() {
        String parent = acmeMultiRun(1, 1).getParent().getTaskId();
        String manual = kit.acmeTask().getTaskId();

        fails(NOT_FOUND, () -> kit.acme().stopChildTasks(StopChildTasksRequest.newBuilder()
                .setParentTaskId("no-such-task").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().stopChildTasks(StopChildTasksRequest.newBuilder()
                .setParentTaskId(parent).build()));
        invalid("parent_task_id", () -> kit.acme().stopChildTasks(StopChildTasksRequest.newBuilder()
                .setParentTaskId(manual).build()));
    }
}
