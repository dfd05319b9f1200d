package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.grpc.GrpcServerSettings;
import com.grepsr.scheduler.adapters.grpc.SchedulerGrpcServer;
import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.adapters.grpc.auth.ApiToken;
import com.grepsr.scheduler.adapters.grpc.auth.AuthInterceptor;
import com.grepsr.scheduler.adapters.grpc.auth.TokenRegistry;
import com.grepsr.scheduler.client.BearerToken;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicyKind;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.SchedulerServiceBlockingStub;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.adapters.memory.InMemoryScheduler;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.domain.common.AccountId;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard's test world: the real use cases on in-memory adapters at a settable clock, served
 * both over in-process gRPC (how the tests create and check things, as an operator's tools would)
 * and by the dashboard on a free loopback port, with the same three tokens on both.
 */
final class WebTestKit implements AutoCloseable {

    /** Saturday 2026-03-28 06:00 UTC: London moves its clocks forward the next night (01:00 → 02:00). */
    static final Instant T0 = Instant.parse("2026-03-28T06:00:00Z");
    static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
    static final String ACME_TOKEN = "acme-token-0123456789abcdef";
    static final String GLOBEX_TOKEN = "globex-token-0123456789abcdef";

    final InMemoryScheduler scheduler = InMemoryScheduler.startingAt(T0);
    final DispatchRecorder meters = new DispatchRecorder(scheduler.clock());
    final SchedulerGrpcServer grpc;
    final ManagedChannel channel;
    final WebDashboard web;

    WebTestKit() {
        TokenRegistry tokens = new TokenRegistry(List.of(ApiToken.admin("ops", ADMIN_TOKEN),
                ApiToken.forAccount("alice@acme", AccountId.of("acme"), ACME_TOKEN),
                ApiToken.forAccount("bob@globex", AccountId.of("globex"), GLOBEX_TOKEN)));
        SchedulerCore c = scheduler.core();
        String name = InProcessServerBuilder.generateName();
        grpc = SchedulerGrpcServer.create(InProcessServerBuilder.forName(name).directExecutor(), c.useCases(), AuthInterceptor.requireTokens(tokens), GrpcServerSettings.DEFAULTS).start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        web = WebDashboard.create(useCasesOf(c), tokens::authenticate, meters, scheduler.clock())
                .start("127.0.0.1", 0);
    }

    static DashboardUseCases useCasesOf(SchedulerCore c) {
        return DashboardUseCases.of(c.useCases());
    }

    String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    SchedulerServiceBlockingStub stub(String token) {
        return SchedulerServiceGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token));
    }

    static ReportRef report(String account, String reportId) {
        return ReportRef.newBuilder().setReportId(reportId).setProjectId("proj-" + account).setAccountId(account)
                .setServiceCode("amazon-products").build();
    }

    /** Every day at 09:00 London from Friday 27 March: across the clock change on Sunday 29th. */
    String dailyLondon(String token, String account, String name) {
        return stub(token).schedule(ScheduleRequest.newBuilder().setName(name).setReport(report(account, name))
                .setTiming(Timing.newBuilder().setZone("Europe/London").setStart("2026-03-27T09:00")
                        .setRrule("FREQ=DAILY")).build()).getSchedule().getScheduleId();
    }

    /** Hourly from 07:00 London, skipping runs that came due while no processor ran. */
    String hourlySkippingMisfires(String token, String account, String name) {
        return stub(token).schedule(ScheduleRequest.newBuilder().setName(name).setReport(report(account, name))
                .setTiming(Timing.newBuilder().setZone("Europe/London").setStart("2026-03-28T07:00")
                        .setRrule("FREQ=HOURLY"))
                .setMisfirePolicy(MisfirePolicy.newBuilder().setKind(MisfirePolicyKind.MISFIRE_POLICY_KIND_SKIP))
                .build()).getSchedule().getScheduleId();
    }

    @Override
    public void close() {
        web.close();
        channel.shutdownNow();
        grpc.close();
    }
}
