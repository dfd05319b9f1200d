package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.bootstrap.Fixtures;
import com.grepsr.scheduler.bootstrap.observe.MetricsServer;
import com.grepsr.scheduler.bootstrap.runtime.Node;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The default process, in this JVM on the real clock: a schedule fires, its task runs and ends. */
class EmbeddedSchedulerTest {

    private Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void a_scheduled_run_fires_and_its_simulated_crawl_succeeds() throws Exception {
        SchedulerComponent c = DaggerSchedulerComponent.factory().create(Fixtures.settings(), Clock.systemUTC());
        node = c.node().start();
        LocalDateTime soon = LocalDateTime.ofInstant(Instant.now().plusSeconds(1), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = c.core().useCases().schedule().execute(Caller.admin("test"), ScheduleUseCase.Command.of("soon",
                ReportRef.of("report-1", "project-1", "acct-1", "simulated"),
                TimingInput.of(new RecurrenceSpec.OneTime(soon), "UTC", null))).schedule();

        Task done = awaitTask(c, schedule, TaskStatus.SUCCEEDED, Duration.ofSeconds(20));

        assertThat(done.scheduleId()).contains(schedule.id());
        String scrape = scrape(node);
        assertThat(scrape).contains("phoenix_runs_launched_total 1.0", "phoenix_tasks_launched_total 1.0")
                .contains("phoenix_daemon_tick_seconds_count{daemon=\"processor\"}")
                .contains("phoenix_claim_latency_seconds_count", "phoenix_dispatch_lag_seconds_count 1");
    }

    private static Task awaitTask(SchedulerComponent c, Schedule s, TaskStatus status, Duration within)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        List<Task> tasks = List.of();
        while (Instant.now().isBefore(deadline)) {
            tasks = c.ports().tasks().list(TaskFilter.none().withSchedule(s.id()), PageRequest.first(10)).items();
            Optional<Task> match = tasks.stream().filter(t -> t.status() == status).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + status + " task of " + s.id() + " within " + within + "; tasks: " + tasks);
    }

    private static String scrape(Node node) throws IOException, InterruptedException {
        MetricsServer metrics = node.services().stream().filter(MetricsServer.class::isInstance)
                .map(MetricsServer.class::cast).findFirst().orElseThrow();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(metrics.address())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
