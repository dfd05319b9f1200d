package com.grepsr.scheduler.adapters.sql;

import org.jooq.conf.ParamType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four processor replicas on MariaDB, and the plan that makes SKIP LOCKED work there: MariaDB
 * skips locked rows only when an index delivers the ORDER BY (no filesort); otherwise it locks
 * every matching row and the other replicas get nothing.
 */
class MariaDbConcurrentClaimTest extends ConcurrentClaimChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }

    @Override
    boolean claimsRunInParallel() {
        return true;
    }

    @Test
    void the_claim_reads_the_due_index_in_order_without_a_filesort() throws Exception {
        SqlAdapters sql = DB.fresh();
        sql.runs().insertIfAbsent(IntStream.range(0, 2_000)
                .mapToObj(i -> Fixtures.run("r-" + i, "s-" + (i % 50), T0.plusSeconds(i))).toList());
        try (Connection c = sql.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE vt_scheduled_runs");
            String claim = SqlScheduledRunStore.claimQuery(((SqlTransactions) sql.transactions()).dsl(),
                    T0.plusSeconds(5_000), ConcurrentClaimChecks.BATCH).getSQL(ParamType.INLINED);
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + claim)) {
                while (rs.next()) {
                    plan.add("key=" + rs.getString("key") + " extra=" + rs.getString("Extra"));
                }
            }
            System.out.println("MariaDB plan of " + claim + ": " + plan);
            assertThat(plan).singleElement().asString().contains("key=ix_run_due").doesNotContain("filesort");
        }
    }
}
