package com.grepsr.scheduler.adapters.sql;

import org.jooq.DSLContext;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention step's reads go through an index on PostgreSQL and MariaDB, so a prune batch
 * touches (and locks) the rows it deletes, not a scan of a table of millions: the settled runs
 * through ix_run_due, the finished roots through ix_task_root_finished (their children through
 * ix_task_parent), the delivered events through ix_outbox_occurred.
 */
class RetentionPlanTest {

    @RegisterExtension
    static final SqlDatabaseExtension POSTGRES = SqlDatabaseExtension.postgres();
    @RegisterExtension
    static final SqlDatabaseExtension MARIADB = SqlDatabaseExtension.mariadb();

    private static Map<String, String> queriesAndIndexes(SqlAdapters sql) {
        DSLContext dsl = ((SqlTransactions) sql.transactions()).dsl();
        return Map.of(
                SqlScheduledRunStore.settledBeforeQuery(dsl, T0, 500).getSQL(ParamType.INLINED), "ix_run_due",
                SqlTaskStore.finishedRootsQuery(dsl, T0, 500).getSQL(ParamType.INLINED), "ix_task_root_finished",
                SqlActivityOutbox.deliveredBeforeQuery(dsl, T0, 500).getSQL(ParamType.INLINED), "ix_outbox_occurred");
    }

    @Nested
    class OnPostgres {
        @Test
        void every_retention_read_can_use_its_index() throws Exception {
            SqlAdapters sql = POSTGRES.fresh();
            try (Connection c = sql.dataSource().getConnection(); Statement s = c.createStatement()) {
                // empty tables make any plan cheap: forbid the sequential scan to see whether an index serves
                s.execute("SET enable_seqscan = off");
                for (var q : queriesAndIndexes(sql).entrySet()) {
                    String plan = String.join("\n", explain(s, "EXPLAIN " + q.getKey(), 1));
                    assertThat(plan).as(q.getKey()).contains(q.getValue()).doesNotContain("Seq Scan on");
                }
                s.execute("RESET enable_seqscan");
            }
        }
    }

    @Nested
    class OnMariaDb {
        @Test
        void every_retention_read_can_use_its_index() throws Exception {
            SqlAdapters sql = MARIADB.fresh();
            try (Connection c = sql.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (var q : queriesAndIndexes(sql).entrySet()) {
                    // the first row is the outer table: the index must be a candidate for it
                    List<String> keys = explain(s, "EXPLAIN " + q.getKey(), -1);
                    assertThat(keys.get(0)).as(q.getKey()).contains(q.getValue());
                }
            }
        }
    }

    /** The plan's lines (PostgreSQL: column 1) or each row's possible_keys (MariaDB: column -1). */
    private static List<String> explain(Statement s, String explain, int column) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(explain)) {
            while (rs.next()) {
                out.add(column > 0 ? rs.getString(column) : rs.getString("possible_keys") + " key=" + rs.getString("key"));
            }
        }
        return out;
    }
}
