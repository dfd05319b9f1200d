package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.adapters.sql.SqlVendor;
import com.grepsr.scheduler.bootstrap.runtime.DaemonService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness and liveness flip with the world: a daemon whose tick hangs, a store that vanishes,
 * and both coming back; {@code /readyz} and {@code /livez} on the metrics port say the same.
 */
class HealthTest {

    private static final Duration SLEEP = Duration.ofSeconds(5);
    private static final Duration BACKOFF = Duration.ofSeconds(30);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T00:00:00Z"));
    private final AtomicBoolean storeGone = new AtomicBoolean();
    private final SqlAdapters sql = SqlAdapters.create(vanishing(h2()), SqlVendor.H2, clock);
    private final Health health = new Health(clock,
            () -> sql.transactions().inTransaction(() -> sql.runs().nextDueAt(clock.instant())), sql::schemaProblem);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicBoolean stall = new AtomicBoolean();
    private DaemonService daemon;
    private MetricsServer server;

    @AfterEach
    void stop() {
        released.countDown();
        if (server != null) {
            server.stop();
        }
        if (daemon != null) {
            daemon.stop();
        }
    }

    @Test
    void a_stalled_daemon_turns_readiness_then_liveness_false_and_its_next_tick_turns_them_back() throws Exception {
        startDaemon();
        assertThat(health.readiness().ok()).isTrue();
        assertThat(health.liveness().ok()).isTrue();

        stall.set(true);
        daemon.wakeUp(); // the next tick hangs
        Duration ready = SLEEP.multipliedBy(2).plus(Health.TICK_MARGIN);
        clock.tick(ready.plusSeconds(1));
        assertThat(health.readiness().ok()).isFalse();
        assertThat(health.readiness().problems()).singleElement().asString().startsWith("stalled: no successful tick");
        assertThat(health.liveness().ok()).as("within the back-off a hung tick may still be a slow one").isTrue();
        clock.tick(BACKOFF);
        assertThat(health.liveness().ok()).isFalse();
        assertThat(get("/livez").statusCode()).isEqualTo(503);

        stall.set(false);
        released.countDown();
        eventually(() -> health.readiness().ok() && health.liveness().ok());
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void a_vanished_store_turns_readiness_false_and_back_while_the_process_stays_live() throws Exception {
        startDaemon();
        assertThat(get("/readyz").statusCode()).isEqualTo(200);

        storeGone.set(true);
        HttpResponse<String> down = get("/readyz");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).startsWith("store: unreachable");
        assertThat(get("/livez").statusCode()).isEqualTo(200);

        storeGone.set(false);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").body()).isEqualTo("ok\n");
    }

    /**
     * The schema must be the one this release migrates to: one rolled back (an old backup) or one a
     * newer release migrated makes the replica unready until it matches again.
     */
    @Test
    void a_schema_that_is_not_this_releases_turns_readiness_false_and_back() throws Exception {
        assertThat(health.readiness().ok()).isTrue();
        String history = "\"flyway_schema_history\"";
        String last = history + " WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\") FROM " + history + ")";

        sqlUpdate("CREATE TABLE saved_history AS SELECT * FROM " + last);
        sqlUpdate("DELETE FROM " + last);
        assertThat(health.readiness().problems()).singleElement().asString()
                .startsWith("store: schema v").contains("lacks 1 migration(s) of this release");
        sqlUpdate("INSERT INTO " + history + " SELECT * FROM saved_history");
        assertThat(health.readiness().ok()).isTrue();

        sqlUpdate("INSERT INTO " + history + " (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES"
                + " (999, '999', 'from a newer release', 'SQL', 'V999__newer.sql', 0, 'sa', 1, TRUE)");
        assertThat(health.readiness().problems()).singleElement().asString()
                .isEqualTo("store: schema v999 has 1 migration(s) newer than this release");
        sqlUpdate("DELETE FROM " + history + " WHERE \"installed_rank\" = 999");
        assertThat(health.readiness().ok()).isTrue();
    }

    private void sqlUpdate(String statement) throws Exception {
        try (var c = sql.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    private void startDaemon() throws Exception {
        daemon = new DaemonService("stalled", clock, now -> {
            if (stall.get()) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return SLEEP;
        }, new SimpleMeterRegistry().timer("t"), BACKOFF).sleepingAtMost(SLEEP);
        daemon.start();
        health.watch(daemon.watched());
        eventually(() -> daemon.ticks() > 0);
        server = new MetricsServer(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), health, "127.0.0.1", 0);
        server.start();
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:health-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** A data source whose connections fail while {@link #storeGone} is set: the database vanished. */
    private DataSource vanishing(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && storeGone.get()) {
                        throw new SQLException("connection refused (the test made the store vanish)", "08001");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
