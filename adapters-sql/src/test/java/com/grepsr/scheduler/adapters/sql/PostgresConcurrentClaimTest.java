package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Four processor replicas on PostgreSQL. */
class PostgresConcurrentClaimTest extends ConcurrentClaimChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.postgres();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }

    @Override
    boolean claimsRunInParallel() {
        return true;
    }
}
