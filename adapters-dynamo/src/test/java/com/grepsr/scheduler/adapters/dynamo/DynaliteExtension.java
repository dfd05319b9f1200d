package com.grepsr.scheduler.adapters.dynamo;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a {@link Dynalite} server before a test class and stops it after:
 * {@code @RegisterExtension static final DynaliteExtension DYNAMO = DynaliteExtension.inMemory();}.
 * Each class gets its own server, so a class may stop and restart it without disturbing others.
 */
final class DynaliteExtension implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final Dynalite server;

    private DynaliteExtension(Dynalite server) {
        this.server = server;
    }

    static DynaliteExtension inMemory() {
        return new DynaliteExtension(Dynalite.inMemory());
    }

    static DynaliteExtension persistent() {
        return new DynaliteExtension(Dynalite.persistent());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    Dynalite server() {
        return server;
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** Settings for a table of its own on this server (created by the caller); no SDK retries, short timeouts. */
    DynamoSettings freshTableSettings() {
        return DynamoSettings.local(endpoint(), "activity-" + TABLES.incrementAndGet())
                .withCallTimeout(Duration.ofSeconds(5), 1);
    }

    /** Adapters over a new, empty activity table on this server. */
    DynamoAdapters freshTable() {
        DynamoAdapters dynamo = DynamoAdapters.create(freshTableSettings());
        dynamo.table().createIfAbsent(Duration.ofSeconds(10));
        return dynamo;
    }
}
