package com.grepsr.scheduler.adapters.sql;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Four claimers on H2. H2 locks every row a locking read's WHERE matches, so the store lets one
 * claim run at a time in the JVM (SqlTransactions.oneAtATimeOnH2); what must hold is that no run
 * is ever handed out twice. How the work spreads over the claimers is up to the scheduler.
 */
class H2ConcurrentClaimTest extends ConcurrentClaimChecks {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.h2();

    @Override
    SqlDatabaseExtension db() {
        return DB;
    }

    /** Fewer than on the servers: H2's claims take turns, so more runs only take longer. */
    @Override
    int runs() {
        return 2_000;
    }

    @Override
    boolean claimsRunInParallel() {
        return false;
    }
}
