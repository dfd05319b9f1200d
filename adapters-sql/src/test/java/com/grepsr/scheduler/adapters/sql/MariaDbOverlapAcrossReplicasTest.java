package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The overlap policy across two processor replicas on MariaDB. */
class MariaDbOverlapAcrossReplicasTest extends OverlapAcrossReplicasChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.mariadb();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
