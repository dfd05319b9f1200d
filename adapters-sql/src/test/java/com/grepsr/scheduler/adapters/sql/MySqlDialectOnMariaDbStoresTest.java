package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL stores on MariaDB driven with jOOQ's MYSQL dialect: the SQL a MySQL 8 server gets. */
class MySqlDialectOnMariaDbStoresTest extends SqlStoresSuite {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadbWithMysqlDialect();

    @Override
    SqlDatabaseExtension database() {
        return DB;
    }
}
