package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every store port contract on MariaDB (one fresh database for the class, emptied per test). */
class MariaDbContractsTest extends SqlContractsSuite {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Override
    SqlDatabaseExtension database() {
        return DB;
    }
}
