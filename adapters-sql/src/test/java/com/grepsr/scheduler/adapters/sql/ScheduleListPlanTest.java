package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule list filtered by project (GetSchedules, the dashboard's list) reads the project's
 * schedules through ix_schedule_project in keyset order, not a scan of every schedule.
 */
class ScheduleListPlanTest {

    @RegisterExtension
    static final SqlDatabaseExtension POSTGRES = SqlDatabaseExtension.postgres();
    @RegisterExtension
    static final SqlDatabaseExtension MARIADB = SqlDatabaseExtension.mariadb();

    private static final String BY_PROJECT =
            "SELECT * FROM vt_extractor_schedule WHERE project_id = 'p-1' AND id > 's-1' ORDER BY id LIMIT 51";

    @Test
    void postgres_reads_a_projects_schedules_through_its_index() throws Exception {
        try (Connection c = POSTGRES.fresh().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off"); // empty tables make any plan cheap: see whether the index serves
            String plan = String.join("\n", lines(s, "EXPLAIN " + BY_PROJECT, "QUERY PLAN"));
            assertThat(plan).contains("ix_schedule_project").doesNotContain("Seq Scan").doesNotContain("Sort");
        }
    }

    @Test
    void mariadb_can_read_a_projects_schedules_through_its_index() throws Exception {
        try (Connection c = MARIADB.fresh().dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(lines(s, "EXPLAIN " + BY_PROJECT, "possible_keys").get(0)).contains("ix_schedule_project");
        }
    }

    private static List<String> lines(Statement s, String sql, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }
}
