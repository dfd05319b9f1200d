package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every store port contract on PostgreSQL (one fresh schema for the class, emptied per test). */
class PostgresContractsTest extends SqlContractsSuite {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.postgres();

    @Override
    SqlDatabaseExtension database() {
        return DB;
    }
}
