package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.domain.run.ScheduledRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL Connector/J against MariaDB (what a {@code jdbc:mysql:} URL in configuration does): the
 * server is recognised as MariaDB, whatever version string the driver reports, and the stores work.
 */
class MySqlConnectorOnMariaDbTest {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Test
    void a_mysql_url_reaching_mariadb_gets_the_mariadb_dialect_and_works() {
        DB.fresh();
        SqlAdapters sql = DB.openWithUrl(url -> url.replace("jdbc:mariadb:", "jdbc:mysql:"));
        assertThat(sql.vendor()).isEqualTo(SqlVendor.MARIADB);
        sql.schedules().insert(Fixtures.hourlySchedule("s-1", "acct-1"));
        assertThat(sql.schedules().find(Fixtures.hourlySchedule("s-1", "acct-1").id())).isPresent();
        sql.runs().insertIfAbsent(List.of(Fixtures.run("r-1", "s-1", T0)));
        List<ScheduledRun> claimed = sql.runs().claimDue(T0, 10, "p", Duration.ofMinutes(1));
        assertThat(claimed).extracting(r -> r.id().value()).containsExactly("r-1");
    }

    @Test
    void vendors_are_told_apart_by_product_name_and_version() {
        assertThat(SqlVendor.of("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1")).isEqualTo(SqlVendor.MARIADB);
        assertThat(SqlVendor.of("MariaDB", "10.11.19-MariaDB")).isEqualTo(SqlVendor.MARIADB);
        assertThat(SqlVendor.of("MySQL", "8.4.3")).isEqualTo(SqlVendor.MYSQL);
        assertThat(SqlVendor.of("PostgreSQL", "15.20")).isEqualTo(SqlVendor.POSTGRESQL);
        assertThat(SqlVendor.of("H2", "2.5.252 (2026-01-01)")).isEqualTo(SqlVendor.H2);
    }
}
