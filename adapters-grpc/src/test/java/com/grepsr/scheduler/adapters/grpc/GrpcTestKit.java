package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.grepsr.scheduler.adapters.grpc.auth.ApiToken;
import com.grepsr.scheduler.adapters.grpc.auth.AuthInterceptor;
import com.grepsr.scheduler.adapters.grpc.auth.TokenRegistry;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.SchedulerServiceBlockingStub;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.adapters.memory.InMemoryScheduler;
import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.task.TaskId;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The world the gRPC tests run in: the real use cases on in-memory adapters at a settable clock
 * (what the bootstrap will wire, minus the stores), served in-process with three tokens — an
 * admin, and one for each of the accounts acme and globex — and crawler tokens signed with
 * {@link #CRAWLER_TOKENS}, which the simulated launcher hands each launch; plus sentences for what
 * tests need.
 * Public so that suites in sub-packages (e.g. {@code isolation}) share this one world.
 */
public final class GrpcTestKit implements AutoCloseable {

    /** Monday 2026-03-02 09:00 UTC; London is on GMT until 2026-03-29, so London wall clock = UTC. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final String LONDON = "Europe/London";
    public static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
    public static final String ACME_TOKEN = "acme-token-0123456789abcdef";
    public static final String GLOBEX_TOKEN = "globex-token-0123456789abcdef";
    /** The server secret crawler tokens are signed with (PHOENIX_CRAWLER_TOKEN_SECRET). */
    public static final CrawlerTokens CRAWLER_TOKENS = CrawlerTokens.withSecret("crawler-secret-0123456789abcdef-0123");

    public final InMemoryScheduler scheduler = InMemoryScheduler.startingAt(T0);
    public final SchedulerGrpcServer server;
    public final ManagedChannel channel;

    public GrpcTestKit() {
        this(UnaryOperator.identity());
    }

    /** With some use cases replaced (e.g. one that fails as a store outage would). */
    GrpcTestKit(UnaryOperator<SchedulerUseCases> adjust) {
        this(adjust, AuthInterceptor.requireTokens(new TokenRegistry(List.of(ApiToken.admin("ops", ADMIN_TOKEN),
                ApiToken.forAccount("alice@acme", AccountId.of("acme"), ACME_TOKEN),
                ApiToken.forAccount("bob@globex", AccountId.of("globex"), GLOBEX_TOKEN)), CRAWLER_TOKENS)));
    }

    GrpcTestKit(UnaryOperator<SchedulerUseCases> adjust, AuthInterceptor auth) {
        scheduler.adapters().launcher.crawlerTokens(CRAWLER_TOKENS);
        String name = InProcessServerBuilder.generateName();
        server = SchedulerGrpcServer.create(InProcessServerBuilder.forName(name).directExecutor(),
                adjust.apply(useCasesOf(scheduler.core())), auth, GrpcServerSettings.DEFAULTS).start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    /** What the bootstrap serves: the core's use cases, one per method. */
    static SchedulerUseCases useCasesOf(SchedulerCore c) {
        return c.useCases();
    }

    public SchedulerServiceBlockingStub stub(String token) {
        return SchedulerServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new com.grepsr.scheduler.client.BearerToken(token));
    }

    public SchedulerServiceBlockingStub admin() {
        return stub(ADMIN_TOKEN);
    }

    public SchedulerServiceBlockingStub acme() {
        return stub(ACME_TOKEN);
    }

    public SchedulerServiceBlockingStub globex() {
        return stub(GLOBEX_TOKEN);
    }

    /** The token the simulated launcher handed the crawler of {@code taskId} (a launched task). */
    public String crawlerTokenOf(String taskId) {
        return scheduler.adapters().launcher.tokenOf(launchNameOf(taskId))
                .orElseThrow(() -> new AssertionError("task " + taskId + " was launched without a crawler token"));
    }

    /** The launch (job) name of a launched task, read from the store. */
    public String launchNameOf(String taskId) {
        return scheduler.adapters().tasks.find(TaskId.of(taskId)).orElseThrow().launchName().orElseThrow();
    }

    public SchedulerServiceBlockingStub noToken() {
        return SchedulerServiceGrpc.newBlockingStub(channel);
    }

    // ---- sentences --------------------------------------------------------------------------

    public static ReportRef acmeReport(String reportId) {
        return ReportRef.newBuilder().setReportId(reportId).setProjectId("proj-1").setAccountId("acme")
                .setServiceCode("amazon-products").build();
    }

    public static ReportRef globexReport(String reportId) {
        return ReportRef.newBuilder().setReportId(reportId).setProjectId("proj-9").setAccountId("globex")
                .setServiceCode("amazon-products").build();
    }

    /** Every hour from 10:00 London on the first day. */
    public static Timing hourly() {
        return Timing.newBuilder().setZone(LONDON).setStart("2026-03-02T10:00")
                .setFixedInterval(com.google.protobuf.Duration.newBuilder().setSeconds(3600)).build();
    }

    static ScheduleRequest.Builder acmeHourly(String reportId) {
        return ScheduleRequest.newBuilder().setName("hourly").setReport(acmeReport(reportId)).setTiming(hourly());
    }

    /** An ACTIVE hourly schedule of acme's report-1. */
    com.grepsr.scheduler.adapters.grpc.v1.Schedule acmeSchedule() {
        return acme().schedule(acmeHourly("report-1").build()).getSchedule();
    }

    /** A task of acme's report-1, launched (LAUNCHING) by a manual run. */
    Task acmeTask() {
        return acme().oneTimeRun(OneTimeRunRequest.newBuilder().setReport(acmeReport("report-1")).build()).getTask();
    }

    public static Timestamp at(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    // ---- assertions -------------------------------------------------------------------------

    /** The call fails with {@code code}; returns the failure for more checks. */
    public static StatusRuntimeException fails(Status.Code code, ThrowingCallable call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(e).as("the call should fail with " + code).isNotNull();
        assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
        return e;
    }

    /** The call fails with INVALID_ARGUMENT naming {@code field} in a BadRequest field violation. */
    static StatusRuntimeException invalid(String field, ThrowingCallable call) {
        StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, call);
        assertThat(violatedFields(e)).contains(field);
        return e;
    }

    static List<String> violatedFields(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertThat(status).as("rich status details").isNotNull();
        return status.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).flatMap(d -> {
            try {
                return d.unpack(BadRequest.class).getFieldViolationsList().stream();
            } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                throw new AssertionError(x);
            }
        }).map(BadRequest.FieldViolation::getField).toList();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.close();
    }
}
