package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The application's calculator and four processor replicas on H2. */
class H2ProcessorReplicasTest extends ProcessorReplicasChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.h2();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }
}
