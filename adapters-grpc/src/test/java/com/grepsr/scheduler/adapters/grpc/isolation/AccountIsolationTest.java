package com.grepsr.scheduler.adapters.grpc.isolation;

import com.google.protobuf.Message;
import com.grepsr.scheduler.adapters.grpc.GrpcTestKit;
import com.grepsr.scheduler.client.BearerToken;
import com.grepsr.scheduler.adapters.grpc.isolation.IsolationCase.Expect;
import com.grepsr.scheduler.adapters.grpc.isolation.IsolationCase.Probe;
import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryUpdate;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryUpdateResult;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateOutcome;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryByBatchRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Issue 8, isolation: for every method of the service, an account token (acme, "A") cannot read or
 * change another account's (globex, "B") data; admin-only methods refuse account tokens; a call
 * without a token is UNAUTHENTICATED; and A's token doing the same call on A's own data succeeds,
 * so the refusals are about the account and not a call that fails for everyone.
 *
 * <p>The project answers another account's id with PERMISSION_DENIED (unknown ids are NOT_FOUND):
 * see {@code Caller.requireAccess}. Lists filtered by another account's report, project or
 * schedule answer with nothing of it; naming the other account itself is PERMISSION_DENIED.
 *
 * <p>Each call runs in a world of its own ({@link IsolationWorld}), and every refused or hidden
 * call must leave both accounts' stored data exactly as it was ({@link AccountSnapshot}) and show
 * none of B's ids, names or parameter values that the request did not itself contain.
 */
class AccountIsolationTest {

    @Test
    void every_method_of_the_service_has_an_isolation_case() {
        TreeSet<String> methods = new TreeSet<>();
        SchedulerServiceGrpc.getServiceDescriptor().getMethods()
                .forEach(m -> methods.add(Objects.requireNonNull(m.getBareMethodName())));
        List<String> cases = IsolationCases.all().stream().map(IsolationCase::name).toList();

        assertThat(cases).doesNotHaveDuplicates();
        assertThat(methods).as("methods without an isolation case (add one to *IsolationCases)")
                .filteredOn(m -> !cases.contains(m)).isEmpty();
        assertThat(cases).as("isolation cases of no method").filteredOn(c -> !methods.contains(c)).isEmpty();
        // 31 of the original design plus GetSchedule, at least: the comparison above is not vacuous
        assertThat(methods).hasSizeGreaterThanOrEqualTo(32);
        assertThat(IsolationCases.all()).allSatisfy(c -> assertThat(c.probes())
                .as(c.name() + ": at least one call reaching for another account's data").isNotEmpty());
    }

    /** The guards themselves: a snapshot notices B's own writes, and the leak check knows B's data. */
    @Test
    void the_snapshot_sees_every_kind_of_write_and_the_secrets_name_bs_data() {
        try (IsolationWorld w = IsolationWorld.build()) {
            String bsSchedules = w.kit.admin().getAllSchedules(GetAllSchedulesRequest.newBuilder()
                    .setAccountId("globex").build()).toString();
            assertThat(w.secretsOf(w.globex)).contains(w.globex.schedule(), w.globex.manualTask(),
                    w.globex.manualJob(), w.pendingRunOf(w.globex), "globex-category").filteredOn(bsSchedules::contains)
                    .isNotEmpty();
            assertThat(w.secretsOf(w.globex)).doesNotContain(w.acme.schedule(), w.acme.manualTask());

            List<Runnable> writesByB = List.of(
                    () -> w.kit.globex().updateTaskHistory(UpdateTaskHistoryRequest.newBuilder()
                            .setTaskId(w.globex.manualTask()).setProgress(99).build()),
                    () -> w.kit.globex().addToTaskQueue(AddToTaskQueueRequest.newBuilder()
                            .setParentTaskId(w.globex.parentTask()).addPayloads("more").build()),
                    () -> w.kit.globex().stopSchedule(StopScheduleRequest.newBuilder()
                            .setScheduleId(w.globex.schedule()).build()));
            for (Runnable write : writesByB) {
                AccountSnapshot before = w.snapshot(w.globex);
                write.run();
                assertThat(w.snapshot(w.globex)).isNotEqualTo(before);
            }
        }
    }

    @Test
    void a_batch_mixing_both_accounts_tasks_updates_only_the_callers() {
        try (IsolationWorld w = IsolationWorld.build()) {
            AccountSnapshot globex = w.snapshot(w.globex);
            UpdateTaskHistoryByBatchRequest batch = UpdateTaskHistoryByBatchRequest.newBuilder()
                    .addItems(TaskHistoryUpdate.newBuilder().setTaskId(w.acme.manualTask()).setProgress(70))
                    .addItems(TaskHistoryUpdate.newBuilder().setTaskId(w.globex.manualTask()).setProgress(70))
                    .build();

            var r = w.kit.acme().updateTaskHistoryByBatch(batch);

            assertThat(r.getResultsList()).extracting(TaskHistoryUpdateResult::getOutcome).containsExactly(
                    UpdateOutcome.UPDATE_OUTCOME_UPDATED, UpdateOutcome.UPDATE_OUTCOME_ACCESS_DENIED);
            assertThat(r.getResults(0).getTask().getProgress()).isEqualTo(70);
            assertThat(w.snapshot(w.globex)).as("B's stored data").isEqualTo(globex);
            assertShowsNoSecretOf(w.secretsOf(w.globex), batch.toString(), r.toString());
        }
    }

    @TestFactory
    Stream<DynamicNode> every_method_keeps_accounts_apart() {
        return IsolationCases.all().stream().map(c -> DynamicContainer.dynamicContainer(c.name(), tests(c)));
    }

    private static List<DynamicTest> tests(IsolationCase c) {
        List<DynamicTest> tests = new ArrayList<>();
        if (c.adminOnly()) {
            tests.add(dynamicTest("an admin token may call it", () -> callsOwn(c, GrpcTestKit.ADMIN_TOKEN)));
            tests.add(dynamicTest("every account token is refused the admin's call", () -> refusesAccounts(c)));
        } else {
            tests.add(dynamicTest("A's token may call it on A's data, B's stays as it was",
                    () -> callsOwn(c, GrpcTestKit.ACME_TOKEN)));
        }
        for (Probe p : c.probes()) {
            String expected = p.expect() == Expect.DENIED ? "PERMISSION_DENIED" : "shows nothing of B";
            tests.add(dynamicTest("A's token, " + p.name() + ": " + expected, () -> probes(c, p)));
        }
        tests.add(dynamicTest("without a token: UNAUTHENTICATED, nothing written", () -> unauthenticated(c)));
        return tests;
    }

    private static void callsOwn(IsolationCase c, String token) {
        try (IsolationWorld w = IsolationWorld.build()) {
            Message request = c.own().apply(w);
            AccountSnapshot globex = w.snapshot(w.globex);
            Message answer = call(w, c.method(), token, request);
            c.ownCheck().accept(w, answer);
            if (!c.adminOnly()) {
                // A changing A's data leaves B's alone (an admin's call may well be about B)
                assertThat(w.snapshot(w.globex)).as("B's stored data").isEqualTo(globex);
                assertShowsNoSecretOf(w.secretsOf(w.globex), request.toString(), answer.toString());
            }
        }
    }

    private static void refusesAccounts(IsolationCase c) {
        try (IsolationWorld w = IsolationWorld.build()) {
            Message request = c.own().apply(w);
            Unchanged unchanged = Unchanged.of(w);
            for (String token : List.of(GrpcTestKit.ACME_TOKEN, GrpcTestKit.GLOBEX_TOKEN)) {
                fails(Status.Code.PERMISSION_DENIED, () -> call(w, c.method(), token, request));
            }
            unchanged.verify(w);
        }
    }

    private static void probes(IsolationCase c, Probe p) {
        try (IsolationWorld w = IsolationWorld.build()) {
            Message request = p.request().apply(w);
            List<String> secrets = w.secretsOf(w.globex);
            Unchanged unchanged = Unchanged.of(w);

            String shown;
            if (p.expect() == Expect.DENIED) {
                StatusRuntimeException e = fails(Status.Code.PERMISSION_DENIED,
                        () -> call(w, c.method(), GrpcTestKit.ACME_TOKEN, request));
                com.google.rpc.Status details = StatusProto.fromThrowable(e);
                shown = e.getStatus().getDescription() + " " + (details == null ? "" : details.toString());
            } else {
                Message answer = call(w, c.method(), GrpcTestKit.ACME_TOKEN, request);
                p.check().accept(w, answer);
                shown = answer.toString();
            }
            unchanged.verify(w);
            assertShowsNoSecretOf(secrets, request.toString(), shown);
            if (p.expect() == Expect.HIDDEN) {
                // B asking the same is answered otherwise: the probe named B's real data, and A saw less
                String toOwner = call(w, c.method(), GrpcTestKit.GLOBEX_TOKEN, request).toString();
                assertThat(toOwner).as("B's own answer to the probe").isNotEqualTo(shown);
            }
        }
    }

    private static void unauthenticated(IsolationCase c) {
        try (IsolationWorld w = IsolationWorld.build()) {
            Message request = c.own().apply(w);
            Unchanged unchanged = Unchanged.of(w);
            fails(Status.Code.UNAUTHENTICATED, () -> call(w, c.method(), null, request));
            unchanged.verify(w);
        }
    }

    /** B's ids, names and values may appear in what A is shown only where A's own request named them. */
    private static void assertShowsNoSecretOf(List<String> secrets, String request, String shown) {
        List<String> leaked = secrets.stream().filter(shown::contains).filter(s -> !request.contains(s)).toList();
        assertThat(leaked).as("B's data shown to A in:%n%s", shown).isEmpty();
    }

    /** Both accounts' stored data and the launcher, to compare after a call that must write nothing. */
    record Unchanged(AccountSnapshot acme, AccountSnapshot globex, String launcher) {
        static Unchanged of(IsolationWorld w) {
            return new Unchanged(w.snapshot(w.acme), w.snapshot(w.globex), w.launcherState());
        }

        void verify(IsolationWorld w) {
            assertThat(w.snapshot(w.globex)).as("B's stored data").isEqualTo(globex);
            assertThat(w.snapshot(w.acme)).as("A's stored data").isEqualTo(acme);
            assertThat(w.launcherState()).as("crawler launches").isEqualTo(launcher);
        }
    }

    /** A unary call as {@code token} (none when null), whatever its message types. */
    @SuppressWarnings("unchecked")
    static Message call(IsolationWorld w, MethodDescriptor<?, ?> method, String token, Message request) {
        CallOptions options = token == null ? CallOptions.DEFAULT
                : CallOptions.DEFAULT.withCallCredentials(new BearerToken(token));
        return ClientCalls.blockingUnaryCall(w.kit.channel, (MethodDescriptor<Message, Message>) method, options,
                request);
    }
}
