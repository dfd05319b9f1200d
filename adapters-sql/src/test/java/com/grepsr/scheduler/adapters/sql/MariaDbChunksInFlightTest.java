package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** A tick's chunks in flight together on MariaDB. */
class MariaDbChunksInFlightTest extends ChunksInFlightChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
