package com.grepsr.scheduler.examples.client;

import com.grepsr.scheduler.adapters.grpc.v1.Schedule;
import com.grepsr.scheduler.bootstrap.api.ApiServer;
import com.grepsr.scheduler.bootstrap.config.SettingsReader;
import com.grepsr.scheduler.bootstrap.runtime.Node;
import com.grepsr.scheduler.bootstrap.wiring.DaggerSchedulerComponent;
import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.SchedulerClient;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Example 1 run for real: the scheduler service started as the runnable jar would start it (the
 * api role, a memory store, a token, a free port), and the app talking to it over a socket.
 */
class ReportSchedulesTest {

    private static final String TOKEN = "example-admin-token-0123456789";

    private Node server;
    private String target;

    @BeforeEach
    void startTheService() throws Exception {
        server = DaggerSchedulerComponent.factory().create(SettingsReader.read(Map.of(
                "PHOENIX_ROLE", "api", "PHOENIX_DB_URL", "memory", "PHOENIX_GRPC_PORT", "0",
                "PHOENIX_METRICS_PORT", "0", "PHOENIX_API_TOKENS", TOKEN + "=admin"), Optional.empty()),
                Clock.systemUTC()).node().start();
        int port = server.services().stream().filter(ApiServer.class::isInstance).map(ApiServer.class::cast)
                .findFirst().orElseThrow().port();
        target = "127.0.0.1:" + port;
    }

    @AfterEach
    void stopTheService() {
        server.close();
    }

    @Test
    void the_app_schedules_a_report_and_reads_it_back_without_blocking() throws Exception {
        try (SchedulerClient client = SchedulerClient.connect(ClientSettings.plaintext(target, TOKEN))) {
            ReportSchedules app = new ReportSchedules(client);

            Schedule created = app.scheduleNightly("acme", "proj-1", "report-1", "Europe/London");
            Schedule read = app.find(created.getScheduleId()).get(10, TimeUnit.SECONDS).getSchedule();

            assertThat(read.getScheduleId()).isEqualTo(created.getScheduleId());
            assertThat(read.getName()).isEqualTo("nightly report-1");
            assertThat(read.getTiming().getCron()).isEqualTo("0 2 * * *");
        }
    }

    @Test
    void a_call_without_the_token_is_refused() {
        try (SchedulerClient anonymous = SchedulerClient.connect(
                new ClientSettings(target, Optional.empty(), Optional.empty(), Duration.ofSeconds(10)))) {
            var refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> new ReportSchedules(anonymous).scheduleNightly("acme", "proj-1", "report-1", "UTC"));

            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
    }
}
