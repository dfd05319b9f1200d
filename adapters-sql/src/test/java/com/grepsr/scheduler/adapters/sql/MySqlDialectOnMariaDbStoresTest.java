package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL stores on MariaDB driven with jOOQ's MYSQL dialect: the SQL a MySQL 8 server gets. */
class MySqlDialectOnMariaDbStoresTest {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadbWithMysqlDialect();

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
