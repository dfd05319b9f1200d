package com.grepsr.scheduler.bootstrap.config;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.common.ServiceCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFileTest {

    @TempDir
    Path dir;

    @Test
    void reads_one_crawler_per_service_code() throws IOException {
        Path file = Files.writeString(dir.resolve("catalog.properties"), """
                acme-products.image=registry.example.com/acme:1.4
                acme-products.timeout=2h
                acme-products.args=--max-pages, 500
                acme-products.env.REGION=eu
                acme-products.memory=1Gi
                acme-products.setting.serviceAccount=crawler
                news.image=registry.example.com/news:7
                """);

        Map<ServiceCode, CrawlerSpec> specs = CatalogFile.load(file);

        CrawlerSpec acme = specs.get(ServiceCode.of("acme-products"));
        assertThat(acme.image()).isEqualTo("registry.example.com/acme:1.4");
        assertThat(acme.defaultTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(acme.args()).isEqualTo(List.of("--max-pages", "500"));
        assertThat(acme.env()).isEqualTo(Map.of("REGION", "eu"));
        assertThat(acme.memoryRequest()).isEqualTo("1Gi");
        assertThat(acme.settings()).isEqualTo(Map.of("serviceAccount", "crawler"));
        assertThat(specs.get(ServiceCode.of("news")).defaultTimeout()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void a_missing_image_or_an_unknown_field_fails_naming_the_service_code() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "acme.timeout=1h\nnews.image=x\nnews.imgae=y\n");

        assertThatThrownBy(() -> CatalogFile.load(file)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("'acme': 'image' is required")
                .hasMessageContaining("'news': unknown field 'imgae'");
    }
}
