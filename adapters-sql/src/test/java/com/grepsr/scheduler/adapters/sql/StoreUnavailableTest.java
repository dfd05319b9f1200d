package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.StoreUnavailableException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that is not there is one clear, retryable error, never a vendor exception. */
class StoreUnavailableTest {

    private String deadUrl;
    private HikariDataSource pool;

    @BeforeEach
    void aPortNobodyListensOn() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        deadUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(deadUrl);
        config.setUsername("postgres");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1); // start anyway, as a pool whose database went away
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void opening_the_adapters_on_an_unreachable_database_is_store_unavailable() {
        assertThatThrownBy(() -> SqlAdapters.fromJdbcUrl(deadUrl, "postgres", "", Clock.systemUTC()))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> SqlAdapters.migrate(pool, SqlVendor.POSTGRESQL))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void statements_and_transactions_on_a_vanished_database_are_store_unavailable() {
        SqlAdapters sql = new SqlAdapters(pool, SqlVendor.POSTGRESQL, Clock.systemUTC(), null);
        assertThatThrownBy(() -> sql.schedules().find(ScheduleId.of("s-1")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> sql.runs().insertIfAbsent(List.of(Fixtures.run("r-1", "s-1", T0))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> sql.transactions().run(() -> sql.outbox().undelivered(1)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> sql.runs().claimDue(T0, 1, "p", java.time.Duration.ofMinutes(1)))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
