package com.grepsr.scheduler.bootstrap.config;

import com.grepsr.scheduler.application.daemon.DaemonSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SettingsReaderTest {

    private static final String ADMIN_TOKEN = "0123456789abcdef-admin";

    @TempDir
    Path dir;

    private static Settings read(Map<String, String> env) {
        return SettingsReader.read(env, Optional.empty());
    }

    @Test
    void no_configuration_is_everything_in_one_process_embedded_and_simulated() {
        Settings s = Settings.defaults();

        assertThat(s.roles()).isEqualTo(EnumSet.allOf(Role.class));
        assertThat(s.grpc()).isEqualTo(new Settings.Endpoint("127.0.0.1", 50051));
        assertThat(s.store().kind()).isEqualTo(Settings.StoreKind.JDBC);
        assertThat(s.store().url()).isEqualTo("jdbc:h2:file:./data/phoenix");
        assertThat(s.launcher()).isEqualTo(Settings.LauncherKind.SIMULATED);
        assertThat(s.authDisabled()).isTrue();
        assertThat(s.embeddedDevelopment()).isTrue();
        assertThat(s.tls()).isEmpty();
        assertThat(s.trigger().inProcess()).isTrue();
        assertThat(s.metrics()).contains(new Settings.Endpoint("127.0.0.1", 9464));
        assertThat(s.simulatedCrawl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.replica()).isNotBlank();
    }

    @Test
    void the_table_defaults_are_the_daemons_own_defaults() {
        assertThat(Settings.defaults().daemons()).isEqualTo(DaemonSettings.DEFAULTS);
    }

    @Test
    void environment_variables_set_values() {
        Settings s = read(Map.of("PHOENIX_ROLE", "calculator, reconciler", "PHOENIX_GRPC_PORT", "6000",
                "PHOENIX_SIMULATED_CRAWL", "2s", "PHOENIX_HORIZON", "P1D", "PHOENIX_CLAIM_BATCH", "50",
                "PHOENIX_METRICS_PORT", "off", "PHOENIX_API_TOKENS",
                "ops:" + ADMIN_TOKEN + "=admin, abcdefghijklmnop-acme==account:acme"));

        assertThat(s.roles()).containsExactlyInAnyOrder(Role.CALCULATOR, Role.RECONCILER);
        assertThat(s.grpc().port()).isEqualTo(6000);
        assertThat(s.simulatedCrawl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.daemons().horizon()).isEqualTo(Duration.ofDays(1));
        assertThat(s.daemons().claimBatch()).isEqualTo(50);
        assertThat(s.metrics()).isEmpty();
        assertThat(s.authTokens()).containsExactly(new Settings.AuthToken("ops", ADMIN_TOKEN, Optional.empty()),
                new Settings.AuthToken("account-acme", "abcdefghijklmnop-acme=", Optional.of("acme")));
    }

    @Test
    void a_file_sets_values_and_the_environment_wins_over_it() throws IOException {
        Path file = Files.writeString(dir.resolve("phoenix.properties"),
                "grpc.port=7000\nrole=processor\ndaemon.max-sleep=250ms\n");

        Settings fromFile = SettingsReader.read(Map.of("PHOENIX_CONFIG", file.toString()), Optional.empty());
        Settings overridden = SettingsReader.read(Map.of("PHOENIX_GRPC_PORT", "7001"), Optional.of(file));

        assertThat(fromFile.grpc().port()).isEqualTo(7000);
        assertThat(fromFile.roles()).containsExactly(Role.PROCESSOR);
        assertThat(fromFile.daemons().maxSleep()).isEqualTo(Duration.ofMillis(250));
        assertThat(overridden.grpc().port()).isEqualTo(7001);
        assertThat(overridden.roles()).containsExactly(Role.PROCESSOR);
    }

    @Test
    void every_bad_value_is_reported_at_once_naming_the_variable_the_key_and_what_is_expected() {
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> read(Map.of(
                "PHOENIX_GRPC_PORT", "http", "PHOENIX_ROLE", "api,scheduler", "PHOENIX_HORIZON", "three days",
                "PHOENIX_LAUNCHER", "docker", "PHOENIX_LOG_LEVEL", "loud")));

        assertThat(e.problems()).hasSize(5).anySatisfy(p -> assertThat(p)
                .contains("PHOENIX_GRPC_PORT (grpc.port)", "'http'", "port number"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown role 'scheduler'", "calculator"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("PHOENIX_HORIZON", "not a duration"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("PHOENIX_LAUNCHER", "simulated"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("PHOENIX_LOG_LEVEL", "INFO"));
    }

    @Test
    void daemon_settings_out_of_range_are_refused() {
        assertThatThrownBy(() -> read(Map.of("PHOENIX_HORIZON", "90d")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("horizon");
        assertThatThrownBy(() -> read(Map.of("PHOENIX_CLAIM_BATCH", "0")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("PHOENIX_CLAIM_BATCH");
    }

    @Test
    void request_ids_are_kept_a_day_by_default_and_never_less() {
        assertThat(read(Map.of()).daemons().requestIdRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(read(Map.of("PHOENIX_REQUEST_ID_RETENTION", "48h")).daemons().requestIdRetention())
                .isEqualTo(Duration.ofHours(48));
        assertThatThrownBy(() -> read(Map.of("PHOENIX_REQUEST_ID_RETENTION", "1h")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("request id retention");
    }

    @Test
    void an_unknown_key_in_the_file_is_an_error_not_a_silent_default() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.properties"), "grpc.prot=7000\n");

        assertThatThrownBy(() -> SettingsReader.read(Map.of(), Optional.of(file)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("unknown key 'grpc.prot'");
    }

    @Test
    void a_missing_file_is_an_error() {
        assertThatThrownBy(() -> SettingsReader.read(Map.of(), Optional.of(dir.resolve("nope.properties"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("cannot read");
    }

    @Test
    void tokens_are_checked_and_never_echoed() {
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> read(Map.of("PHOENIX_API_TOKENS", "short=admin")));

        assertThat(e.getMessage()).contains("PHOENIX_API_TOKENS", "at least 16").doesNotContain("short");
        assertThatThrownBy(() -> read(Map.of("PHOENIX_API_TOKENS", ADMIN_TOKEN + "=root")))
                .hasMessageContaining("'admin' or 'account:ID'");
        assertThat(read(Map.of("PHOENIX_API_TOKENS", ADMIN_TOKEN + "=admin")).authTokens().get(0).toString())
                .doesNotContain(ADMIN_TOKEN);
    }

    @Test
    void the_crawler_token_secret_signs_for_the_api_and_the_kubernetes_launcher_and_is_never_echoed()
            throws IOException {
        String secret = "crawler-secret-0123456789abcdef-0123";
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), "crawlers:\n  demo:\n    image: x:1\n");

        Settings s = read(Map.of("PHOENIX_CRAWLER_TOKEN_SECRET", secret, "PHOENIX_LAUNCHER", "kubernetes",
                "PHOENIX_CRAWLER_CATALOG_FILE", catalog.toString(), "PHOENIX_API_TOKENS", ADMIN_TOKEN + "=admin"));

        assertThat(s.crawlerTokens().enabled()).isTrue();
        assertThat(s.kubernetes().orElseThrow().crawlerTokens()).isSameAs(s.crawlerTokens());
        assertThat(s.toString()).doesNotContain(secret);
        assertThat(Settings.defaults().crawlerTokens().enabled()).as("no secret: no crawler tokens").isFalse();
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> read(Map.of("PHOENIX_CRAWLER_TOKEN_SECRET", "too-short-secret")));
        assertThat(e.getMessage()).contains("PHOENIX_CRAWLER_TOKEN_SECRET", "at least 32").doesNotContain("too-short");
        assertThatThrownBy(() -> read(Map.of("PHOENIX_API_TOKENS", "pct1.0123456789abcdef=admin")))
                .hasMessageContaining("crawler token");
    }

    @Test
    void tls_needs_both_certificate_and_key_and_existing_files() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");

        assertThatThrownBy(() -> read(Map.of("PHOENIX_TLS_CERT", cert.toString())))
                .hasMessageContaining("give both or neither");
        assertThatThrownBy(() -> read(Map.of("PHOENIX_TLS_CERT", dir.resolve("missing.pem").toString(),
                "PHOENIX_TLS_KEY", key.toString()))).hasMessageContaining("no readable file");
        assertThat(read(Map.of("PHOENIX_TLS_CERT", cert.toString(), "PHOENIX_TLS_KEY", key.toString())).tls())
                .contains(new Settings.Tls(cert, key, Optional.empty()));
    }

    @Test
    void every_duration_setting_reads_the_one_syntax_and_the_older_forms() throws IOException {
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), "crawlers:\n  demo:\n    image: x:1\n");
        Settings s = read(Map.of("PHOENIX_HORIZON", "2d", "PHOENIX_CLAIM_LEASE", "PT90S", "PHOENIX_MAX_SLEEP", "3",
                "PHOENIX_SHUTDOWN_GRACE", "500ms", "PHOENIX_LAUNCHER", "kubernetes",
                "PHOENIX_CRAWLER_CATALOG_FILE", catalog.toString(), "PHOENIX_API_TOKENS", ADMIN_TOKEN + "=admin",
                "PHOENIX_K8S_RESYNC", "10m", "PHOENIX_K8S_LAUNCH_GRACE", "PT3M", "PHOENIX_K8S_MAX_BACKOFF", "20"));

        assertThat(s.daemons().horizon()).isEqualTo(Duration.ofDays(2));
        assertThat(s.daemons().claimLease()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.daemons().maxSleep()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.shutdownGrace()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.kubernetes()).hasValueSatisfying(k -> {
            assertThat(k.resync()).isEqualTo(Duration.ofMinutes(10));
            assertThat(k.launchGrace()).isEqualTo(Duration.ofMinutes(3));
            assertThat(k.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        });
    }

    @Test
    void a_bad_duration_names_its_setting_and_shows_valid_examples() {
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> read(Map.of(
                "PHOENIX_CLAIM_LEASE", "a minute", "PHOENIX_LAUNCHER", "kubernetes", "PHOENIX_K8S_RESYNC", "5 mins")));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("PHOENIX_CLAIM_LEASE (daemon.claim-lease) = "
                + "'a minute': not a duration (e.g. 500ms, 30s, 5m, 2h, 3d"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("PHOENIX_K8S_RESYNC (k8s.resync) = "
                + "'5 mins': not a duration (e.g. 500ms, 30s, 5m, 2h, 3d"));
    }

    @Test
    void unknown_phoenix_variables_are_reported_for_a_warning() {
        assertThat(SettingsReader.unknownVariables(Map.of("PHOENIX_GRPC_PROT", "1", "PHOENIX_ROLE", "all",
                "PHOENIX_TOKEN", "t", "HOME", "/root"), Set.of("PHOENIX_TOKEN"))).containsExactly("PHOENIX_GRPC_PROT");
    }

    @Test
    void dynamodb_is_off_by_default_and_a_table_needs_a_region_or_an_endpoint() {
        assertThat(Settings.defaults().dynamo()).isEmpty();
        assertThat(read(Map.of("PHOENIX_DYNAMO_TABLE", "phoenix-activity", "PHOENIX_DYNAMO_REGION", "eu-west-1",
                "PHOENIX_DYNAMO_RETENTION", "365d")).dynamo()).contains(new Settings.Dynamo("phoenix-activity",
                "eu-west-1", Optional.empty(), Optional.of(Duration.ofDays(365)), false));
        assertThatThrownBy(() -> read(Map.of("PHOENIX_DYNAMO_TABLE", "phoenix-activity")))
                .hasMessageContaining("PHOENIX_DYNAMO_REGION (dynamo.region): required");
        assertThatThrownBy(() -> read(Map.of("PHOENIX_DYNAMO_TABLE", "x", "PHOENIX_DYNAMO_ENDPOINT", "localhost",
                "PHOENIX_DYNAMO_CREATE_TABLE", "maybe")))
                .hasMessageContaining("3-255").hasMessageContaining("http(s)://host:port")
                .hasMessageContaining("expected true or false");
    }

    @Test
    void the_kubernetes_launcher_needs_a_catalog_and_tokens_and_reads_the_k8s_settings() throws IOException {
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), "crawlers:\n  demo:\n    image: x:1\n");

        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> read(Map.of("PHOENIX_LAUNCHER", "kubernetes", "PHOENIX_K8S_QPS", "fast")));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("PHOENIX_CRAWLER_CATALOG_FILE", "required"))
                .anySatisfy(p -> assertThat(p).contains("PHOENIX_API_TOKENS", "embedded development mode"))
                .anySatisfy(p -> assertThat(p).contains("PHOENIX_K8S_QPS (k8s.qps) = 'fast'"));

        Settings s = read(Map.of("PHOENIX_LAUNCHER", "kubernetes", "PHOENIX_CRAWLER_CATALOG_FILE", catalog.toString(),
                "PHOENIX_API_TOKENS", ADMIN_TOKEN + "=admin", "PHOENIX_K8S_NAMESPACE", "crawlers",
                "PHOENIX_K8S_JOB_TTL", "PT6H"));
        assertThat(s.kubernetes()).hasValueSatisfying(k -> {
            assertThat(k.configuredNamespace()).contains("crawlers");
            assertThat(k.jobTtlAfterFinished()).isEqualTo(Duration.ofHours(6));
            assertThat(k.catalogFile()).isEqualTo(catalog);
        });
        assertThat(Settings.defaults().kubernetes()).isEmpty();
    }

    @Test
    void the_processor_trigger_is_in_process_or_a_grpc_target() {
        assertThat(Settings.defaults().trigger().inProcess()).isTrue();
        assertThat(read(Map.of("PHOENIX_PROCESSOR_TRIGGER", "scheduler-api:50051")).trigger().target())
                .contains("scheduler-api:50051");
        assertThatThrownBy(() -> read(Map.of("PHOENIX_PROCESSOR_TRIGGER", "in process")))
                .hasMessageContaining("expected 'in-process' or a gRPC target");
    }

    @Test
    void the_store_is_memory_or_a_jdbc_url_and_only_h2_and_memory_count_as_embedded() {
        assertThat(read(Map.of("PHOENIX_DB_URL", "memory")).store().embedded()).isTrue();
        Settings pg = read(Map.of("PHOENIX_DB_URL", "jdbc:postgresql://db:5432/phoenix?password=hunter2",
                "PHOENIX_ROLE", "calculator"));
        assertThat(pg.store().embedded()).isFalse();
        assertThat(pg.store().toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> read(Map.of("PHOENIX_DB_URL", "postgres://db/phoenix")))
                .hasMessageContaining("expected 'memory' or a JDBC URL");
        assertThatThrownBy(() -> read(Map.of("PHOENIX_DB_URL", "jdbc:postgresql://db:5432/phoenix")))
                .hasMessageContaining("PHOENIX_API_TOKENS (api.tokens): required");
    }
}
