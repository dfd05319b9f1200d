package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL stores on MariaDB (a fresh database for this class). */
class MariaDbStoresTest {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Nested
    class SchedulesAndRuns extends ScheduleAndRunChecks {
        @Override
        SqlAdapters sql() {
            return DB.fresh();
        }
    }

    @Nested
    class Tasks extends TaskChecks {
        @Override
        SqlAdapters sql() {
            return DB.fresh();
        }
    }

    @Nested
    class Transactions extends TransactionChecks {
        @Override
        SqlAdapters sql() {
            return DB.fresh();
        }
    }
}
