package com.grepsr.scheduler.application.contract;

import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * What every port contract shares: a fresh, empty set of stores before each test.
 *
 * <p>An implementation's test extends a contract and implements {@link #newStores(Clock)}. The
 * contracts call the stores outside any transaction unless a test says otherwise, so a write
 * outside {@link com.grepsr.scheduler.application.port.out.TransactionPort#inTransaction} must
 * commit on its own (as a database's autocommit does). Times in the fixtures have microsecond
 * precision, the finest the SQL stores keep.
 */
public abstract class StoreContract {

    /** The stores under test; fresh for every test. */
    protected Stores stores;

    /**
     * Empty stores of the implementation under test.
     *
     * @param clock fixed at {@link ContractFixtures#BASE}; for stores that stamp times themselves
     */
    protected abstract Stores newStores(Clock clock);

    @BeforeEach
    final void freshStores() {
        stores = newStores(Clock.fixed(ContractFixtures.BASE, ZoneOffset.UTC));
    }
}
