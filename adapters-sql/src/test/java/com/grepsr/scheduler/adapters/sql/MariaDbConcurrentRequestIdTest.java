package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent duplicates of one request id on MariaDB: one schedule or task each. */
class MariaDbConcurrentRequestIdTest extends ConcurrentRequestIdChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
