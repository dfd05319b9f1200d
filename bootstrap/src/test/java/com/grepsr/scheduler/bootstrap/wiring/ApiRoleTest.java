package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTime;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;
import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.bootstrap.Fixtures;
import com.grepsr.scheduler.bootstrap.api.ApiServer;
import com.grepsr.scheduler.bootstrap.api.DashboardServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.grepsr.scheduler.bootstrap.runtime.Node;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code api} role over a real socket: authentication, metrics by method and code, wake-ups. */
class ApiRoleTest {

    private static final String ADMIN = "admin-secret-0123456789";
    private static final String CRAWLER_SECRET = "crawler-secret-0123456789abcdef-0123";

    private Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private SchedulerComponent start(String... env) throws Exception {
        SchedulerComponent c = DaggerSchedulerComponent.factory().create(Fixtures.settings(env), Clock.systemUTC());
        node = c.node().start();
        return c;
    }

    private SchedulerClient client(String token) {
        int port = node.services().stream().filter(ApiServer.class::isInstance).map(ApiServer.class::cast)
                .findFirst().orElseThrow().port();
        return SchedulerClient.connect(new ClientSettings("127.0.0.1:" + port, Optional.ofNullable(token),
                Optional.empty(), Duration.ofSeconds(10)));
    }

    @Test
    void configured_tokens_are_required_and_calls_are_counted_by_method_and_code() throws Exception {
        SchedulerComponent c = start("PHOENIX_ROLE", "api", "PHOENIX_API_TOKENS", ADMIN + "=admin");
        try (SchedulerClient anonymous = client(null); SchedulerClient admin = client(ADMIN)) {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> anonymous.blocking().getAllSchedules(GetAllSchedulesRequest.getDefaultInstance()));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);

            assertThat(admin.blocking().getAllSchedules(GetAllSchedulesRequest.getDefaultInstance())
                    .getSchedulesList()).isEmpty();
        }

        String scrape = c.registry().scrape();
        assertThat(scrape).contains("method=\"grepsr.phoenix.scheduler.v1.SchedulerService/GetAllSchedules\"")
                .contains("code=\"UNAUTHENTICATED\"").contains("code=\"OK\"");
    }

    @Test
    void a_crawler_reports_with_the_token_its_secret_signs_and_may_do_nothing_else() throws Exception {
        SchedulerComponent c = start("PHOENIX_ROLE", "api", "PHOENIX_API_TOKENS", ADMIN + "=admin",
                "PHOENIX_CRAWLER_TOKEN_SECRET", CRAWLER_SECRET);
        String task;
        try (SchedulerClient admin = client(ADMIN)) {
            task = admin.blocking().oneTimeRun(OneTimeRunRequest.newBuilder().setReport(ReportRef.newBuilder()
                    .setReportId("r1").setProjectId("p1").setAccountId("a1").setServiceCode("demo")).build())
                    .getTask().getTaskId();
        }
        // what another replica with the same secret, or the launcher, hands this task's crawler
        String token = CrawlerTokens.withSecret(CRAWLER_SECRET)
                .issue(c.ports().tasks().find(TaskId.of(task)).orElseThrow()).orElseThrow();

        try (SchedulerClient crawler = client(token)) {
            assertThat(crawler.blocking().updateTaskHistory(UpdateTaskHistoryRequest.newBuilder().setTaskId(task)
                    .setProgress(40).build()).getTask().getProgress()).isEqualTo(40);
            StatusRuntimeException denied = catchThrowableOfType(StatusRuntimeException.class,
                    () -> crawler.blocking().getAllSchedules(GetAllSchedulesRequest.getDefaultInstance()));
            assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
    }

    @Test
    void a_schedule_created_through_the_api_is_materialized_at_once() throws Exception {
        // the calculator would sleep an hour: only the wake-up makes its runs appear
        SchedulerComponent c = start("PHOENIX_MAX_SLEEP", "1h");
        String at = LocalDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0).toString();
        String id;
        try (SchedulerClient client = client(null)) {
            id = client.blocking().schedule(ScheduleRequest.newBuilder().setName("soon")
                    .setReport(ReportRef.newBuilder().setReportId("r1").setProjectId("p1").setAccountId("a1")
                            .setServiceCode("demo"))
                    .setTiming(Timing.newBuilder().setZone("UTC").setOneTime(OneTime.newBuilder().setAt(at)))
                    .build()).getSchedule().getScheduleId();
            assertThat(client.blocking().getSchedule(GetScheduleRequest.newBuilder().setScheduleId(id).build())
                    .getSchedule().getName()).isEqualTo("soon");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (c.ports().runs().nextDueAt().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(c.ports().runs().nextDueAt()).as("runs of schedule " + id).isPresent();
    }

    @Test
    void the_dashboard_is_served_beside_grpc_and_logs_in_with_the_same_tokens() throws Exception {
        start("PHOENIX_ROLE", "api", "PHOENIX_API_TOKENS", ADMIN + "=admin");
        int port = node.services().stream().filter(DashboardServer.class::isInstance).map(DashboardServer.class::cast)
                .findFirst().orElseThrow().port();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI base = URI.create("http://127.0.0.1:" + port);

        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location")).hasValue("/login");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + ADMIN)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> overview = http.send(HttpRequest.newBuilder(base.resolve("/"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("<h1>Overview</h1>", "admin");
    }

    @Test
    void web_port_off_serves_no_dashboard() throws Exception {
        start("PHOENIX_ROLE", "api", "PHOENIX_WEB_PORT", "off");
        assertThat(node.services()).noneMatch(DashboardServer.class::isInstance);
    }
}
