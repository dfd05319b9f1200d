package com.grepsr.scheduler.adapters.grpc.isolation;

import com.google.protobuf.Message;
import com.grepsr.scheduler.adapters.grpc.GrpcTestKit;
import com.grepsr.scheduler.adapters.grpc.isolation.AccountIsolationTest.Unchanged;
import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueRequest;
import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatusInfo;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateMetaByJobRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryResponse;
import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.domain.task.TaskId;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static com.grepsr.scheduler.adapters.grpc.isolation.AccountIsolationTest.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Issue 13, part 4: the token a launched crawler is handed (here by the simulated launcher, as the
 * Kubernetes Job's env would) reports on its own task — UpdateTaskHistory, UpdateMetaByJob, and
 * AddToTaskQueue for a child's own parent — and nothing else: every other method of the service,
 * called with the request account A's own token succeeds with ({@link IsolationCase#own}), is
 * PERMISSION_DENIED to a crawler of one of A's tasks, and writes nothing. The reporting methods
 * refuse it for any other task, of its account or another.
 */
class CrawlerTokenIsolationTest {

    /** What a crawler may call at all; each of them only on its own task (or its own parent). */
    private static final Set<String> REPORTING = Set.of("UpdateTaskHistory", "UpdateMetaByJob", "AddToTaskQueue");

    @TestFactory
    Stream<DynamicTest> every_other_method_refuses_a_crawler_token() {
        List<IsolationCase> others = IsolationCases.all().stream().filter(c -> !REPORTING.contains(c.name())).toList();
        assertThat(others).hasSizeGreaterThanOrEqualTo(29); // every method is an isolation case: none is skipped
        return others.stream().flatMap(c -> Stream.of(
                dynamicTest(c.name() + ": a manual task's crawler is refused A's own call",
                        () -> refused(c.method(), c.own(), w -> w.kit.crawlerTokenOf(w.acme.manualTask()))),
                dynamicTest(c.name() + ": a child task's crawler is refused A's own call",
                        () -> refused(c.method(), c.own(), w -> w.kit.crawlerTokenOf(w.acme.childTasks().get(0))))));
    }

    @Test
    void a_crawler_reports_on_its_own_task() {
        try (IsolationWorld w = IsolationWorld.build()) {
            String token = w.kit.crawlerTokenOf(w.acme.manualTask());

            UpdateTaskHistoryResponse r = w.kit.stub(token).updateTaskHistory(progress(w.acme.manualTask(), 60));
            w.kit.stub(token).updateMetaByJob(UpdateMetaByJobRequest.newBuilder()
                    .setJobName(w.acme.manualJob()).setProgress(70).build());

            assertThat(r.getTask().getProgress()).isEqualTo(60);
            assertThat(statusOf(w, w.acme.manualTask()).getProgress()).isEqualTo(70);
        }
    }

    @Test
    void a_childs_crawler_adds_work_to_its_own_parent() {
        try (IsolationWorld w = IsolationWorld.build()) {
            AddToTaskQueueResponse r = w.kit.stub(w.kit.crawlerTokenOf(w.acme.childTasks().get(0)))
                    .addToTaskQueue(enqueue(w.acme.parentTask()));

            assertThat(r.getAdded()).isEqualTo(1);
        }
    }

    @Test
    void a_crawler_may_not_report_on_another_task_of_its_account() {
        refused(SchedulerServiceGrpc.getUpdateTaskHistoryMethod(), w -> progress(w.acme.finishedTask(), 60),
                w -> w.kit.crawlerTokenOf(w.acme.manualTask()));
        refused(SchedulerServiceGrpc.getUpdateTaskHistoryMethod(), w -> progress(w.acme.parentTask(), 60),
                w -> w.kit.crawlerTokenOf(w.acme.childTasks().get(0)));
        refused(SchedulerServiceGrpc.getUpdateMetaByJobMethod(), w -> byJob(w.kit.launchNameOf(w.acme.finishedTask())),
                w -> w.kit.crawlerTokenOf(w.acme.manualTask()));
    }

    @Test
    void a_crawler_may_not_report_on_another_accounts_task() {
        refused(SchedulerServiceGrpc.getUpdateTaskHistoryMethod(), w -> progress(w.globex.manualTask(), 60),
                w -> w.kit.crawlerTokenOf(w.acme.manualTask()));
        refused(SchedulerServiceGrpc.getUpdateMetaByJobMethod(), w -> byJob(w.globex.manualJob()),
                w -> w.kit.crawlerTokenOf(w.acme.manualTask()));
    }

    @Test
    void only_a_childs_crawler_may_add_work_and_only_to_its_own_parent() {
        refused(SchedulerServiceGrpc.getAddToTaskQueueMethod(), w -> enqueue(w.acme.parentTask()),
                w -> w.kit.crawlerTokenOf(w.acme.manualTask()));
        refused(SchedulerServiceGrpc.getAddToTaskQueueMethod(), w -> enqueue(w.globex.parentTask()),
                w -> w.kit.crawlerTokenOf(w.acme.childTasks().get(0)));
    }

    @Test
    void a_token_signed_with_another_secret_or_altered_is_unauthenticated() {
        try (IsolationWorld w = IsolationWorld.build()) {
            var task = w.kit.scheduler.adapters().tasks.find(TaskId.of(w.acme.manualTask())).orElseThrow();
            String foreign = CrawlerTokens.withSecret("another-deployments-secret-0123456789").issue(task).orElseThrow();
            String own = w.kit.crawlerTokenOf(w.acme.manualTask());
            String altered = own.substring(0, own.length() - 2) + (own.endsWith("AA") ? "BB" : "AA");
            Unchanged unchanged = Unchanged.of(w);

            for (String token : List.of(foreign, altered)) {
                fails(Status.Code.UNAUTHENTICATED, () -> w.kit.stub(token)
                        .updateTaskHistory(progress(w.acme.manualTask(), 60)));
            }
            unchanged.verify(w);
        }
    }

    /** {@code request} as the crawler {@code token} names is PERMISSION_DENIED and changes nothing. */
    private static void refused(MethodDescriptor<?, ?> method, Function<IsolationWorld, ? extends Message> request,
                                Function<IsolationWorld, String> token) {
        try (IsolationWorld w = IsolationWorld.build()) {
            Message message = request.apply(w);
            String crawler = token.apply(w);
            Unchanged unchanged = Unchanged.of(w);

            fails(Status.Code.PERMISSION_DENIED, () -> call(w, method, crawler, message));

            unchanged.verify(w);
        }
    }

    private static TaskStatusInfo statusOf(IsolationWorld w, String task) {
        return w.kit.admin().getTaskStatus(GetTaskStatusRequest.newBuilder().setTaskId(task).build()).getStatus();
    }

    private static UpdateTaskHistoryRequest progress(String task, int progress) {
        return UpdateTaskHistoryRequest.newBuilder().setTaskId(task).setProgress(progress).build();
    }

    private static UpdateMetaByJobRequest byJob(String job) {
        return UpdateMetaByJobRequest.newBuilder().setJobName(job).setProgress(50).build();
    }

    private static AddToTaskQueueRequest enqueue(String parent) {
        return AddToTaskQueueRequest.newBuilder().setParentTaskId(parent).addPayloads("more work").build();
    }
}
