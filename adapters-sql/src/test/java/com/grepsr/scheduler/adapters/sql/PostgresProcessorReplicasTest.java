package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The application's calculator and four processor replicas on Postgres. */
class PostgresProcessorReplicasTest extends ProcessorReplicasChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.postgres();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
