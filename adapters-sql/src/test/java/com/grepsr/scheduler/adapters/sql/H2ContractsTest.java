package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every store port contract on H2 (one fresh in-memory database for the class, emptied per test). */
class H2ContractsTest extends SqlContractsSuite {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.h2();

    @Override
    SqlDatabaseExtension database() {
        return DB;
    }
}
