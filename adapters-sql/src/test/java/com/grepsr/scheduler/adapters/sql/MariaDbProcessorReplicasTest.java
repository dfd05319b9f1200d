package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The application's calculator and four processor replicas on MariaDB. */
class MariaDbProcessorReplicasTest extends ProcessorReplicasChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
