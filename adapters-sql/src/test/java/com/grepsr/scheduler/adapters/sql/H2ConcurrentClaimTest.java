package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Four claimers on H2. H2 locks every row a locking read's WHERE matches, so claimers take turns
 * rather than share the work; what must hold is that no run is ever handed out twice.
 */
class H2ConcurrentClaimTest extends ConcurrentClaimChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.h2();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }

    /** Fewer than on the servers: H2's claimers take turns, so more runs only take longer. */
    @Override
    int runs() {
        return 2_000;
    }

    @Override
    boolean claimsRunInParallel() {
        return false;
    }
}
