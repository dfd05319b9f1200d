package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchState;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCrawlerLauncherTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final CrawlerSpec CRAWLER = CrawlerSpec.image("phoenix/test-crawler:1");
    private static final ReportRef REPORT = ReportRef.of("r1", "p1", "a1", "svc-web");

    private final SettableClock clock = new SettableClock(START);
    private final SimulatedCrawlerLauncher launcher = new SimulatedCrawlerLauncher(clock, Duration.ofMinutes(10));

    @Test
    void a_launch_is_pending_then_running_then_succeeds_on_the_clock() {
        launcher.startDelay(Duration.ofSeconds(30));
        String name = launcher.launch(aTask("t1", null), CRAWLER);

        assertThat(stateAfter(name, Duration.ZERO)).isEqualTo(LaunchState.PENDING);
        assertThat(stateAfter(name, Duration.ofSeconds(29))).isEqualTo(LaunchState.PENDING);
        assertThat(stateAfter(name, Duration.ofSeconds(30))).isEqualTo(LaunchState.RUNNING);
        assertThat(stateAfter(name, Duration.ofSeconds(30).plusMinutes(10).minusNanos(1))).isEqualTo(LaunchState.RUNNING);
        assertThat(stateAfter(name, Duration.ofSeconds(30).plusMinutes(10))).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(stateAfter(name, Duration.ofDays(3))).isEqualTo(LaunchState.SUCCEEDED);
    }

    @Test
    void the_configured_outcome_decides_how_a_crawl_ends() {
        launcher.outcome(t -> t.id().value().endsWith("bad") ? SimulatedCrawlerLauncher.Outcome.FAIL
                : SimulatedCrawlerLauncher.Outcome.SUCCEED);
        String bad = launcher.launch(aTask("t-bad", null), CRAWLER);
        String good = launcher.launch(aTask("t-good", null), CRAWLER);

        clock.tick(Duration.ofMinutes(10));

        assertThat(launcher.inspect(List.of(bad, good)))
                .isEqualTo(Map.of(bad, LaunchState.FAILED, good, LaunchState.SUCCEEDED));
    }

    @Test
    void launching_a_task_again_finds_the_first_launch() {
        Task task = aTask("t1", null);
        String first = launcher.launch(task, CRAWLER);
        clock.tick(Duration.ofMinutes(5));

        String again = launcher.launch(task, CRAWLER);

        assertThat(again).isEqualTo(first).isEqualTo(SimulatedCrawlerLauncher.nameOf(task));
        assertThat(launcher.liveLaunches()).isEqualTo(1);
        assertThat(launcher.launchCalls()).isEqualTo(2);
        assertThat(stateAfter(first, Duration.ofMinutes(10))).as("ends 10 minutes after the first launch")
                .isEqualTo(LaunchState.SUCCEEDED);
    }

    @Test
    void a_launch_name_comes_from_the_task_id_and_is_a_kubernetes_name() {
        String name = launcher.launch(aTask("01jq3x7r9ka2b4c6d8e0f1g2h3", null), CRAWLER);
        assertThat(name).isEqualTo("crawl-01jq3x7r9ka2b4c6d8e0f1g2h3")
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void a_stopped_or_vanished_launch_is_not_found_and_stopping_again_is_harmless() {
        String stopped = launcher.launch(aTask("t1", null), CRAWLER);
        String vanished = launcher.launch(aTask("t2", null), CRAWLER);
        String alive = launcher.launch(aTask("t3", null), CRAWLER);

        launcher.stop(stopped);
        launcher.stop(stopped);
        launcher.stop("crawl-never-launched");
        launcher.vanish(vanished);

        assertThat(launcher.inspect(List.of(stopped, vanished, alive, "crawl-unknown"))).isEqualTo(Map.of(
                stopped, LaunchState.NOT_FOUND, vanished, LaunchState.NOT_FOUND, alive, LaunchState.RUNNING,
                "crawl-unknown", LaunchState.NOT_FOUND));
        assertThat(launcher.liveLaunches()).isEqualTo(1);
    }

    @Test
    void launched_tasks_lists_each_task_once_in_launch_order_stopped_ones_included() {
        Task first = aTask("t1", null);
        Task second = aTask("t2", null);
        launcher.stop(launcher.launch(first, CRAWLER));
        launcher.launch(second, CRAWLER);
        launcher.launch(second, CRAWLER);

        assertThat(launcher.launchedTasks()).containsExactly(first, second);
    }

    @Test
    void a_crawl_longer_than_the_task_timeout_exceeds_its_deadline() {
        launcher.runTime(Duration.ofHours(1));
        String name = launcher.launch(aTask("t1", Duration.ofMinutes(5)), CRAWLER);

        assertThat(stateAfter(name, Duration.ofMinutes(5).minusNanos(1))).isEqualTo(LaunchState.RUNNING);
        assertThat(stateAfter(name, Duration.ofMinutes(5))).isEqualTo(LaunchState.DEADLINE_EXCEEDED);
        assertThat(stateAfter(name, Duration.ofHours(2))).isEqualTo(LaunchState.DEADLINE_EXCEEDED);
    }

    @Test
    void without_a_task_timeout_the_crawlers_default_deadline_applies() {
        launcher.runTime(Duration.ofHours(8)); // the catalog's default timeout is 6 hours
        String name = launcher.launch(aTask("t1", null), CRAWLER);

        assertThat(stateAfter(name, Duration.ofHours(6))).isEqualTo(LaunchState.DEADLINE_EXCEEDED);
    }

    @Test
    void a_crawl_that_ends_within_its_deadline_is_not_killed() {
        String name = launcher.launch(aTask("t1", Duration.ofMinutes(10)), CRAWLER); // runs exactly 10 minutes
        assertThat(stateAfter(name, Duration.ofMinutes(10))).isEqualTo(LaunchState.SUCCEEDED);
    }

    @Test
    void changed_settings_apply_to_later_launches_only() {
        String early = launcher.launch(aTask("t1", null), CRAWLER);
        launcher.startDelay(Duration.ofMinutes(30)).runTime(Duration.ofMinutes(1))
                .outcome(t -> SimulatedCrawlerLauncher.Outcome.FAIL);
        String late = launcher.launch(aTask("t2", null), CRAWLER);

        assertThat(stateAfter(early, Duration.ofMinutes(1))).isEqualTo(LaunchState.RUNNING);
        assertThat(stateAfter(late, Duration.ofMinutes(1))).isEqualTo(LaunchState.PENDING);
        assertThat(stateAfter(early, Duration.ofMinutes(10))).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(stateAfter(late, Duration.ofMinutes(31))).isEqualTo(LaunchState.FAILED);
    }

    @Test
    void each_launch_is_handed_its_own_tasks_crawler_token() {
        CrawlerTokens tokens = CrawlerTokens.withSecret("simulated-secret-0123456789abcdef0123");
        String before = launcher.launch(aTask("t0", null), CRAWLER);
        launcher.crawlerTokens(tokens);
        String name = launcher.launch(aTask("t1", null), CRAWLER);

        assertThat(launcher.tokenOf(before)).as("launched without a secret").isEmpty();
        String token = launcher.tokenOf(name).orElseThrow();
        assertThat(tokens.verify(token).orElseThrow().crawler().orElseThrow().task()).isEqualTo(TaskId.of("t1"));
        assertThat(launcher.tokenOf("crawl-unknown")).isEmpty();
    }

    private LaunchState stateAfter(String name, Duration sinceStart) {
        clock.set(START.plus(sinceStart));
        return launcher.inspect(List.of(name)).get(name);
    }

    private static Task aTask(String id, Duration timeout) {
        return Task.queue(TaskId.of(id), TaskOrigin.manual(REPORT, null, Parameters.NONE, timeout), START);
    }
}
