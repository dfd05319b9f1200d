package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.domain.common.ServiceCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The crawler catalog from a YAML or JSON file in the {@link CrawlerCatalogDocument} format. In a
 * cluster the file is a mounted ConfigMap (deploy/catalog-configmap.yaml), which needs no API
 * permission; the kubelet swaps the file when the ConfigMap changes, so the catalog re-reads it
 * when its modification time moves (checked at most every {@code recheck}). A changed file that
 * does not parse is logged and the previous catalog kept: a typo must not stop every launch.
 */
public final class FileCrawlerCatalog implements CrawlerCatalogPort {

    private static final System.Logger LOG = System.getLogger(FileCrawlerCatalog.class.getName());

    private final Path file;
    private final Clock clock;
    private final Duration recheck;
    private volatile Map<ServiceCode, CrawlerSpec> entries;
    private volatile FileTime loadedVersion;
    private volatile Instant checkedAt;

    private FileCrawlerCatalog(Path file, Clock clock, Duration recheck) {
        this.file = file;
        this.clock = clock;
        this.recheck = recheck;
    }

    /**
     * Reads {@code file} now.
     *
     * @throws IllegalArgumentException when it does not parse (the message names entry and field)
     * @throws UncheckedIOException     when it cannot be read
     */
    public static FileCrawlerCatalog load(Path file, Clock clock, Duration recheck) {
        FileCrawlerCatalog catalog = new FileCrawlerCatalog(file, clock, recheck);
        catalog.read();
        return catalog;
    }

    @Override
    public Optional<CrawlerSpec> find(ServiceCode serviceCode) {
        refreshIfDue();
        return Optional.ofNullable(entries.get(serviceCode));
    }

    private void refreshIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(checkedAt.plus(recheck))) {
            return;
        }
        synchronized (this) {
            if (now.isBefore(checkedAt.plus(recheck))) {
                return;
            }
            checkedAt = now;
            try {
                if (!Files.getLastModifiedTime(file).equals(loadedVersion)) {
                    read();
                    LOG.log(System.Logger.Level.INFO, "crawler catalog " + file + " reloaded: " + entries.size() + " crawlers");
                }
            } catch (RuntimeException | IOException e) {
                LOG.log(System.Logger.Level.WARNING, "crawler catalog " + file + " changed but cannot be used; "
                        + "keeping the previous one", e);
            }
        }
    }

    private void read() {
        try {
            FileTime version = Files.getLastModifiedTime(file);
            entries = CrawlerCatalogDocument.parse(Files.readString(file));
            loadedVersion = version;
            checkedAt = clock.instant();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read crawler catalog " + file, e);
        }
    }
}
