package com.grepsr.scheduler.bootstrap.smoke;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** The runnable jar itself: it starts with no configuration, serves metrics, and stops cleanly. */
class ServiceJarIT {

    @TempDir
    Path dir;

    @Test
    void starts_with_the_embedded_default_serves_metrics_and_the_dashboard_and_exits_0_on_sigterm() throws Exception {
        int metricsPort = JarProcess.freePort();
        int webPort = JarProcess.freePort();
        try (JarProcess service = JarProcess.start(dir, Map.of("PHOENIX_METRICS_PORT", String.valueOf(metricsPort),
                "PHOENIX_GRPC_PORT", String.valueOf(JarProcess.freePort()), "PHOENIX_WEB_PORT",
                String.valueOf(webPort)))) {
            Matcher running = service.awaitStdout("^Phoenix Scheduler running: .*$", Duration.ofSeconds(60));
            assertThat(running.group()).contains("jdbc:h2:file:./data/phoenix", "simulated launcher",
                    "metrics http://127.0.0.1:" + metricsPort + "/metrics", "web http://127.0.0.1:" + webPort + "/");

            // the embedded development mode has no tokens: the dashboard opens without a login
            HttpResponse<String> overview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + webPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("<h1>Overview</h1>");

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.body()).contains("phoenix_daemon_tick_seconds_count{daemon=\"calculator\"}");

            assertThat(service.terminate(Duration.ofSeconds(30))).isZero();
            assertThat(service.stderr()).contains("stopped calculator", "stopped metrics");
        }
    }

    @Test
    void a_bad_setting_exits_2_and_says_what_to_fix() throws Exception {
        JarProcess.Result r = JarProcess.run(dir, Map.of("PHOENIX_GRPC_PORT", "http"), Duration.ofSeconds(60));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("PHOENIX_GRPC_PORT (grpc.port) = 'http'");
    }

    @Test
    void migrate_brings_the_default_h2_file_up_to_date_and_exits_0() throws Exception {
        JarProcess.Result r = JarProcess.run(dir, Map.of(), Duration.ofSeconds(60), "migrate");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("schema up to date: jdbc:h2:file:./data/phoenix");
        assertThat(dir.resolve("data/phoenix.mv.db")).exists();
    }

    @Test
    void the_activity_commands_say_when_no_table_is_configured() throws Exception {
        JarProcess.Result create = JarProcess.run(dir, Map.of(), Duration.ofSeconds(60), "activity", "create-table");
        JarProcess.Result feed = JarProcess.run(dir, Map.of(), Duration.ofSeconds(60), "activity", "feed",
                "--account", "acme");

        assertThat(create.exitCode()).isEqualTo(2);
        assertThat(create.stderr()).contains("no activity table configured: set PHOENIX_DYNAMO_TABLE");
        assertThat(feed.exitCode()).isEqualTo(2);
    }
}
