package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The overlap policy across two processor replicas on PostgreSQL. */
class PostgresOverlapAcrossReplicasTest extends OverlapAcrossReplicasChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.postgres();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
