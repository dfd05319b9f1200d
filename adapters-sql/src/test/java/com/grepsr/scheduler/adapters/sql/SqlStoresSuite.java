package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.Nested;

/**
 * The SQL stores' own checks on one database: each database's test class names its
 * {@link SqlDatabaseExtension} and inherits the same nested checks.
 */
abstract class SqlStoresSuite {

    /** The database this suite runs on (registered as a static extension by the subclass). */
    abstract SqlDatabaseExtension database();

    @Nested
    class SchedulesAndRuns extends ScheduleAndRunChecks {
        @Override
        SqlAdapters sql() {
            return database().fresh();
        }
    }

    @Nested
    class Tasks extends TaskChecks {
        @Override
        SqlAdapters sql() {
            return database().fresh();
        }
    }

    @Nested
    class StopWork extends StopWorkChecks {
        @Override
        SqlAdapters sql() {
            return database().fresh();
        }
    }

    @Nested
    class Transactions extends TransactionChecks {
        @Override
        SqlAdapters sql() {
            return database().fresh();
        }
    }
}
