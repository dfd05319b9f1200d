package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** A tick's chunks in flight together on PostgreSQL. */
class PostgresChunksInFlightTest extends ChunksInFlightChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.postgres();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
