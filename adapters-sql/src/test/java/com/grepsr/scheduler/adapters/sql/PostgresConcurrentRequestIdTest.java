package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent duplicates of one request id on Postgres: one schedule or task each. */
class PostgresConcurrentRequestIdTest extends ConcurrentRequestIdChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.postgres();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
