package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL stores on H2 in memory (the embedded default). */
class H2StoresTest extends SqlStoresSuite {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.h2();

    @Override
    SqlDatabaseExtension database() {
        return DB;
    }
}
