package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL stores on PostgreSQL (a fresh schema for this class). */
class PostgresStoresTest extends SqlStoresSuite {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.postgres();

    @Override
    SqlDatabaseExtension database() {
        return DB;
    }
}
