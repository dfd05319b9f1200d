package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.common.ServiceCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrawlerCatalogTest {

    private static final String YAML = """
            crawlers:
              amazon-products:
                image: registry.example.com/crawlers/amazon:1.4.2
                command: ["java", "-jar", "/app/crawler.jar"]
                args: ["--mode=full"]
                env: {LOG_LEVEL: info, RETRIES: 3}
                resources:
                  requests: {cpu: 500m, memory: 512Mi}
                  limits: {cpu: 2, memory: 2Gi}
                timeout: PT4H
                settings:
                  serviceAccount: crawler
                  nodeSelector: pool=crawlers
              plain:
                image: plain:1
                timeout: 600
            """;

    @Test
    void a_yaml_catalog_maps_service_codes_to_crawler_specs() {
        Map<ServiceCode, CrawlerSpec> catalog = CrawlerCatalogDocument.parse(YAML);
        CrawlerSpec amazon = catalog.get(ServiceCode.of("amazon-products"));
        assertThat(amazon.image()).isEqualTo("registry.example.com/crawlers/amazon:1.4.2");
        assertThat(amazon.command()).containsExactly("java", "-jar", "/app/crawler.jar");
        assertThat(amazon.args()).containsExactly("--mode=full");
        assertThat(amazon.env()).isEqualTo(Map.of("LOG_LEVEL", "info", "RETRIES", "3"));
        assertThat(List.of(amazon.cpuRequest(), amazon.memoryRequest(), amazon.cpuLimit(), amazon.memoryLimit()))
                .containsExactly("500m", "512Mi", "2", "2Gi");
        assertThat(amazon.defaultTimeout()).isEqualTo(Duration.ofHours(4));
        assertThat(amazon.settings()).containsEntry("serviceAccount", "crawler").containsEntry("nodeSelector", "pool=crawlers");
        assertThat(catalog.get(ServiceCode.of("plain")).defaultTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_timeout_is_written_like_every_other_duration() {
        Map<ServiceCode, CrawlerSpec> catalog = CrawlerCatalogDocument.parse("crawlers:\n  x:\n    image: a\n    timeout: 90m\n");
        assertThat(catalog.get(ServiceCode.of("x")).defaultTimeout()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void a_json_catalog_reads_the_same() {
        Map<ServiceCode, CrawlerSpec> catalog = CrawlerCatalogDocument.parse(
                "{\"crawlers\": {\"plain\": {\"image\": \"plain:1\", \"args\": [\"a\", \"b\"]}}}");
        assertThat(catalog.get(ServiceCode.of("plain")).args()).containsExactly("a", "b");
        assertThat(catalog.get(ServiceCode.of("plain")).defaultTimeout()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void mistakes_are_reported_with_the_entry_and_field() {
        assertThatThrownBy(() -> CrawlerCatalogDocument.parse("crawlers:\n  x:\n    imag: a\n"))
                .hasMessageContaining("crawlers.x: unknown field 'imag'");
        assertThatThrownBy(() -> CrawlerCatalogDocument.parse("crawlers:\n  x:\n    args: [a]\n"))
                .hasMessageContaining("crawlers.x.image: required");
        assertThatThrownBy(() -> CrawlerCatalogDocument.parse("crawlers:\n  x:\n    image: a\n    resources: {limits: {memory: lots}}\n"))
                .hasMessageContaining("crawlers.x: memory quantity 'lots'");
        assertThatThrownBy(() -> CrawlerCatalogDocument.parse("crawlers:\n  x:\n    image: a\n    timeout: soon\n"))
                .hasMessageContaining("crawlers.x.timeout = 'soon': not a duration (e.g. 500ms, 30s");
        assertThatThrownBy(() -> CrawlerCatalogDocument.parse("crawlers:\n  x:\n    image: a\n    settings: {nodeSelektor: a=b}\n"))
                .hasMessageContaining("unknown crawler setting 'nodeSelektor'");
        assertThatThrownBy(() -> CrawlerCatalogDocument.parse("crawlers:\n  'bad code!':\n    image: a\n"))
                .hasMessageContaining("not a valid service code");
        assertThatThrownBy(() -> CrawlerCatalogDocument.parse("crawler:\n  x: {}\n"))
                .hasMessageContaining("unknown top-level field 'crawler'");
        assertThatThrownBy(() -> CrawlerCatalogDocument.parse("crawlers: [a, b]\n")).hasMessageContaining("expected a mapping");
    }

    @Test
    void an_empty_document_is_an_empty_catalog() {
        assertThat(CrawlerCatalogDocument.parse("crawlers: {}\n")).isEmpty();
    }

    @Test
    void the_file_catalog_rereads_a_changed_file_and_keeps_the_old_one_when_the_new_one_is_broken(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("catalog.yaml");
        Files.writeString(file, "crawlers:\n  a: {image: a:1}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        MutableClock clock = new MutableClock();
        FileCrawlerCatalog catalog = FileCrawlerCatalog.load(file, clock, Duration.ofSeconds(10));
        assertThat(catalog.find(ServiceCode.of("a"))).map(CrawlerSpec::image).contains("a:1");

        Files.writeString(file, "crawlers:\n  a: {image: a:2}\n  b: {image: b:1}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T00:01:00Z")));
        assertThat(catalog.find(ServiceCode.of("a"))).as("not rechecked yet").map(CrawlerSpec::image).contains("a:1");
        clock.now = clock.now.plusSeconds(11);
        assertThat(catalog.find(ServiceCode.of("a"))).map(CrawlerSpec::image).contains("a:2");
        assertThat(catalog.find(ServiceCode.of("b"))).isPresent();

        Files.writeString(file, "crawlers:\n  a: {imag: broken}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T00:02:00Z")));
        clock.now = clock.now.plusSeconds(11);
        assertThat(catalog.find(ServiceCode.of("a"))).map(CrawlerSpec::image).contains("a:2");
    }

    @Test
    void a_broken_file_fails_at_start_up() throws IOException {
        Path file = Files.createTempFile("catalog", ".yaml");
        try {
            Files.writeString(file, "crawlers:\n  a: {}\n");
            assertThatThrownBy(() -> FileCrawlerCatalog.load(file, Clock.systemUTC(), Duration.ofSeconds(10)))
                    .hasMessageContaining("crawlers.a.image: required");
        } finally {
            Files.delete(file);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
