package com.grepsr.scheduler.adapters.k8s;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesSettingsTest {

    @Test
    void an_empty_environment_gives_the_documented_defaults() {
        KubernetesSettings s = KubernetesSettings.fromEnvironment(Map.of());
        assertThat(s.configuredNamespace()).isEmpty();
        assertThat(s.instance()).isEqualTo("default");
        assertThat(s.schedulerAddress()).isEqualTo("phoenix-api:50051");
        assertThat(s.qps()).isEqualTo(20);
        assertThat(s.burst()).isEqualTo(40);
        assertThat(s.maxAttempts()).isEqualTo(5);
        assertThat(s.jobBackoffLimit()).isZero();
        assertThat(s.jobTtlAfterFinished()).isEqualTo(Duration.ofDays(1));
        assertThat(s.resync()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.catalogFile()).isNull();
    }

    @Test
    void every_variable_is_read() {
        KubernetesSettings s = KubernetesSettings.fromEnvironment(Map.ofEntries(
                Map.entry("PHOENIX_K8S_NAMESPACE", "crawlers"), Map.entry("PHOENIX_K8S_INSTANCE", "eu"),
                Map.entry("PHOENIX_SCHEDULER_ADDRESS", "api:1"), Map.entry("PHOENIX_K8S_QPS", "5.5"),
                Map.entry("PHOENIX_K8S_BURST", "7"), Map.entry("PHOENIX_K8S_MAX_ATTEMPTS", "3"),
                Map.entry("PHOENIX_K8S_INITIAL_BACKOFF", "PT0.5S"), Map.entry("PHOENIX_K8S_MAX_BACKOFF", "30"),
                Map.entry("PHOENIX_K8S_JOB_BACKOFF_LIMIT", "2"), Map.entry("PHOENIX_K8S_JOB_TTL", "PT6H"),
                Map.entry("PHOENIX_K8S_RESYNC", "60"), Map.entry("PHOENIX_K8S_LAUNCH_GRACE", "PT1M"),
                Map.entry("PHOENIX_K8S_WORK_ITEM_ENV_LIMIT", "1024"),
                Map.entry("PHOENIX_CRAWLER_CATALOG_FILE", "/etc/phoenix/catalog/catalog.yaml")));
        assertThat(s.configuredNamespace()).contains("crawlers");
        assertThat(s.instance()).isEqualTo("eu");
        assertThat(s.schedulerAddress()).isEqualTo("api:1");
        assertThat(s.qps()).isEqualTo(5.5);
        assertThat(s.burst()).isEqualTo(7);
        assertThat(s.maxAttempts()).isEqualTo(3);
        assertThat(s.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.jobBackoffLimit()).isEqualTo(2);
        assertThat(s.jobTtlAfterFinished()).isEqualTo(Duration.ofHours(6));
        assertThat(s.resync()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.launchGrace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.workItemEnvLimitBytes()).isEqualTo(1024);
        assertThat(s.catalogFile()).isEqualTo(Path.of("/etc/phoenix/catalog/catalog.yaml"));
    }

    @Test
    void durations_take_the_one_syntax_besides_iso_and_bare_seconds() {
        KubernetesSettings s = KubernetesSettings.fromEnvironment(Map.of("PHOENIX_K8S_INITIAL_BACKOFF", "250ms",
                "PHOENIX_K8S_MAX_BACKOFF", "30s", "PHOENIX_K8S_JOB_TTL", "2d", "PHOENIX_K8S_RESYNC", "10m",
                "PHOENIX_K8S_LAUNCH_GRACE", "1h"));
        assertThat(s.initialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.jobTtlAfterFinished()).isEqualTo(Duration.ofDays(2));
        assertThat(s.resync()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.launchGrace()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_value_that_does_not_parse_names_its_variable() {
        assertThatThrownBy(() -> KubernetesSettings.fromEnvironment(Map.of("PHOENIX_K8S_RESYNC", "often")))
                .isInstanceOf(KubernetesSettings.InvalidVariableException.class)
                .hasMessageStartingWith("PHOENIX_K8S_RESYNC = 'often': not a duration (e.g. 500ms, 30s, 5m, 2h, 3d");
        assertThatThrownBy(() -> KubernetesSettings.fromEnvironment(Map.of("PHOENIX_K8S_BURST", "lots")))
                .hasMessage("PHOENIX_K8S_BURST = 'lots': expected a number");
    }

    @Test
    void nonsense_is_rejected() {
        assertThatThrownBy(() -> KubernetesSettings.fromEnvironment(Map.of("PHOENIX_K8S_QPS", "0")))
                .hasMessageContaining("qps");
        assertThatThrownBy(() -> KubernetesSettings.fromEnvironment(Map.of("PHOENIX_K8S_INSTANCE", "not valid!")))
                .hasMessageContaining("instance");
        assertThatThrownBy(() -> KubernetesSettings.fromEnvironment(Map.of("PHOENIX_K8S_MAX_ATTEMPTS", "0")))
                .hasMessageContaining("maxAttempts");
    }
}
