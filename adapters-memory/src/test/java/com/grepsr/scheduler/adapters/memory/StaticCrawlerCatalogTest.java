package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.common.ServiceCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticCrawlerCatalogTest {

    private static final CrawlerSpec WEB = CrawlerSpec.image("phoenix/web-crawler:3");
    private static final CrawlerSpec FALLBACK = CrawlerSpec.image("phoenix/simulated-crawler:latest");

    @Test
    void a_strict_catalog_knows_only_what_was_put() {
        StaticCrawlerCatalog catalog = StaticCrawlerCatalog.strict().put(ServiceCode.of("svc-web"), WEB);

        assertThat(catalog.find(ServiceCode.of("svc-web"))).contains(WEB);
        assertThat(catalog.find(ServiceCode.of("svc-unknown"))).isEmpty();
    }

    @Test
    void a_catalog_with_a_fallback_answers_every_code_and_prefers_explicit_entries() {
        StaticCrawlerCatalog catalog = StaticCrawlerCatalog.withFallback(FALLBACK).put(ServiceCode.of("svc-web"), WEB);

        assertThat(catalog.find(ServiceCode.of("svc-web"))).contains(WEB);
        assertThat(catalog.find(ServiceCode.of("svc-anything"))).contains(FALLBACK);
    }

    @Test
    void putting_a_code_again_replaces_its_crawler() {
        CrawlerSpec v4 = CrawlerSpec.image("phoenix/web-crawler:4");
        StaticCrawlerCatalog catalog = StaticCrawlerCatalog.strict().put(ServiceCode.of("svc-web"), WEB)
                .put(ServiceCode.of("svc-web"), v4);

        assertThat(catalog.find(ServiceCode.of("svc-web"))).contains(v4);
    }

    @Test
    void a_crawler_spec_fills_defaults() {
        assertThat(WEB.command()).isEmpty();
        assertThat(WEB.env()).isEmpty();
        assertThat(WEB.defaultTimeout()).isEqualTo(java.time.Duration.ofHours(6));
    }
}
