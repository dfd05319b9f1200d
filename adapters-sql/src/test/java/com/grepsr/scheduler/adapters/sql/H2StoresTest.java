package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL stores on H2 in memory (the embedded default). */
class H2StoresTest {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.h2();

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
