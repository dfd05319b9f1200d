package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static com.grepsr.scheduler.application.contract.ContractFixtures.ACCOUNT_A;
import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aPendingRun;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aReportOf;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduledTask;
import static com.grepsr.scheduler.application.contract.ContractFixtures.anHourlyScheduleOf;

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
        stores = newStores(Clock.fixed(BASE, ZoneOffset.UTC));
    }

    // the records other records refer to, stored first so schemas with foreign keys pass too

    /** An hourly schedule of a fresh report in {@link ContractFixtures#ACCOUNT_A}, stored. */
    protected Schedule aStoredSchedule() {
        return aStoredSchedule(ACCOUNT_A);
    }

    protected Schedule aStoredSchedule(String account) {
        Schedule s = anHourlyScheduleOf(aReportOf(account));
        stores.schedules().insert(s);
        return s;
    }

    /** A SCHEDULED task, stored with its schedule and its run (due at {@link ContractFixtures#BASE}). */
    protected Task aStoredScheduledTask() {
        Schedule s = aStoredSchedule();
        ScheduledRun run = aPendingRun(s, BASE);
        stores.runs().insertIfAbsent(List.of(run));
        Task t = aScheduledTask(s, run, BASE);
        stores.tasks().insert(t);
        return t;
    }
}
