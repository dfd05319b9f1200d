package com.grepsr.scheduler.bootstrap.smoke;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer does, on the real jar: start the service with no configuration (but a free
 * port and 2-second simulated crawls), create a schedule firing every minute with the CLI, and
 * watch a task of it complete, with its history and stats; then restart it and find them again.
 */
class SmokeIT {

    @TempDir
    Path dir;

    @Test
    void a_schedule_made_with_the_cli_fires_its_task_completes_and_all_survive_a_restart() throws Exception {
        int grpcPort = JarProcess.freePort();
        cliEnv = Map.of("PHOENIX_SERVER", "localhost:" + grpcPort);
        String schedule;
        try (JarProcess service = JarProcess.start(dir, Map.of("PHOENIX_GRPC_PORT", String.valueOf(grpcPort),
                "PHOENIX_METRICS_PORT", "0", "PHOENIX_SIMULATED_CRAWL", "2s", "PHOENIX_WEB_PORT", "0"))) {
            service.awaitStdout("^Phoenix Scheduler running: .*api grpc://127\\.0\\.0\\.1:" + grpcPort,
                    Duration.ofSeconds(60));
            // every minute from a few seconds ahead: the first run comes without waiting for a minute boundary
            String start = LocalDateTime.ofInstant(Instant.now().plusSeconds(5), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS).toString();

            JarProcess.Result created = cli("schedules", "create", "--report", "report-1", "--project", "project-1",
                    "--account", "acme", "--service-code", "demo", "--name", "smoke", "--every", "1m", "--start", start,
                    "--zone", "UTC");
            Matcher id = Pattern.compile("created schedule (\\S+)").matcher(created.stdout());
            assertThat(id.find()).as(created.stdout() + created.stderr()).isTrue();
            schedule = id.group(1);

            String taskId = awaitSucceededTask(schedule, Duration.ofSeconds(120));

            JarProcess.Result shown = cli("tasks", "show", taskId);
            assertThat(shown.stdout()).contains("SUCCEEDED", schedule, "LAUNCHER");
            assertThat(cli("schedules", "list").stdout()).contains(schedule, "ACTIVE", "every 1m");
            assertThat(cli("stats", "--schedule", schedule).stdout()).contains("SUCCEEDED");

            assertThat(service.terminate(Duration.ofSeconds(30))).isZero();
            assertThat(service.stderr()).contains("task=" + taskId, "schedule=" + schedule);
        }

        // the embedded store is an H2 file under ./data: a restarted service still has it all
        try (JarProcess again = JarProcess.start(dir, Map.of("PHOENIX_GRPC_PORT", String.valueOf(grpcPort),
                "PHOENIX_METRICS_PORT", "0", "PHOENIX_WEB_PORT", "0"))) {
            again.awaitStdout("^Phoenix Scheduler running: .*api grpc://", Duration.ofSeconds(60));
            assertThat(cli("schedules", "list").stdout()).contains(schedule, "ACTIVE");
            assertThat(cli("tasks", "completed", "--schedule", schedule).stdout()).contains("SUCCEEDED");
            assertThat(again.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    /** The CLI's environment: where the service under test listens. */
    private Map<String, String> cliEnv;

    private JarProcess.Result cli(String... args) throws Exception {
        JarProcess.Result r = JarProcess.run(dir, cliEnv, Duration.ofSeconds(60), args);
        assertThat(r.exitCode()).as("`%s` failed: %s", String.join(" ", args), r.stderr()).isZero();
        return r;
    }

    /** Polls completed tasks of the schedule until one succeeded; fails at the deadline. */
    private String awaitSucceededTask(String schedule, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        Pattern succeeded = Pattern.compile("^(\\S+)\\s+SCHEDULED\\s+report-1\\s+" + schedule + "\\s+SUCCEEDED",
                Pattern.MULTILINE);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = cli("tasks", "completed", "--schedule", schedule).stdout();
            Matcher m = succeeded.matcher(last);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no succeeded task of " + schedule + " within " + within + "; last answer:\n" + last);
    }
}
