package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.domain.common.ServiceCode;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A crawler catalog held in memory: explicit entries, and optionally a fallback for every other
 * service code (the embedded development mode runs any report with the simulated crawler).
 */
public final class StaticCrawlerCatalog implements CrawlerCatalogPort {

    private final Map<ServiceCode, CrawlerSpec> entries = new ConcurrentHashMap<>();
    private final CrawlerSpec fallback;

    private StaticCrawlerCatalog(CrawlerSpec fallback) {
        this.fallback = fallback;
    }

    /** Knows only what is {@link #put}; other service codes are unknown. */
    public static StaticCrawlerCatalog strict() {
        return new StaticCrawlerCatalog(null);
    }

    /** Answers {@code fallback} for any service code not {@link #put}. */
    public static StaticCrawlerCatalog withFallback(CrawlerSpec fallback) {
        return new StaticCrawlerCatalog(fallback);
    }

    public StaticCrawlerCatalog put(ServiceCode code, CrawlerSpec spec) {
        entries.put(code, spec);
        return this;
    }

    @Override
    public Optional<CrawlerSpec> find(ServiceCode serviceCode) {
        return Optional.ofNullable(entries.getOrDefault(serviceCode, fallback));
    }
}
