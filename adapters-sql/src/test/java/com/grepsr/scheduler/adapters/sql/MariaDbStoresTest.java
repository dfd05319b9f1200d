package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL stores on MariaDB (a fresh database for this class). */
class MariaDbStoresTest extends SqlStoresSuite {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Override
    SqlDatabaseExtension database() {
        return DB;
    }
}
