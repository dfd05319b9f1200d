package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.application.daemon.reconcile.Retention;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.wiring.Stores;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's metrics list is what {@code /metrics} serves: every scheduler and pool meter a
 * process registers is listed, and nothing listed is missing (as SettingsTableTest does for the
 * settings).
 */
class MetricsReadmeTest {

    static final String BEGIN = "<!-- metrics:begin";
    static final String END = "<!-- metrics:end -->";
    private static final Pattern LISTED = Pattern.compile("^\\| `([a-z_]+)`", Pattern.MULTILINE);
    private static final Pattern SUFFIX = Pattern.compile("_(total|count|sum|bucket|created)$|(?<=_seconds)_max$");

    @Test
    void the_readme_lists_every_meter_the_process_serves() throws Exception {
        PrometheusMeterRegistry registry = com.grepsr.scheduler.bootstrap.wiring.MetricsModuleAccess.registry();
        exerciseEveryMeter(new SchedulerMetrics(registry));
        Settings.Store h2 = new Settings.Store(Settings.StoreKind.JDBC,
                "jdbc:h2:mem:metrics-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", Optional.of("sa"), Optional.empty(), 2);
        try (Stores stores = Stores.sql(h2, Clock.systemUTC())) {
            stores.bindPoolMetrics(registry);
            stores.runs().nextDueAt(); // a connection borrowed: the pool's timers exist
            Set<String> served = families(registry.scrape());

            // jvm_gc_pause appears only after a collection; the GC's gauges are there from the start
            assertThat(served).as("JVM meters").contains("jvm_memory_used_bytes", "jvm_threads_live_threads")
                    .anyMatch(f -> f.startsWith("jvm_gc_"));
            Set<String> ours = served.stream().filter(f -> f.startsWith("phoenix_") || f.startsWith("hikaricp_"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(listed()).as("README's metrics list (between " + BEGIN + " and " + END + ")")
                    .isEqualTo(ours);
        }
    }

    private static void exerciseEveryMeter(SchedulerMetrics m) {
        m.runLaunched(Duration.ofMillis(5));
        m.runsMissed(1);
        m.taskLaunched();
        m.activityPublished(1);
        m.claimed(Duration.ofMillis(3));
        m.tickTimer("reconciler").record(Duration.ofMillis(2));
        m.grpcCall("grepsr.phoenix.scheduler.v1.SchedulerService/GetSchedule", "OK", Duration.ofMillis(4));
        m.pruned(new Retention.Pruned(1, 1, 1, 1));
    }

    private static Set<String> families(String scrape) {
        return scrape.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2])
                .map(name -> SUFFIX.matcher(name).replaceAll("")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> listed() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README has the metrics-list markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        Matcher m = LISTED.matcher(readme.substring(begin, end));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
