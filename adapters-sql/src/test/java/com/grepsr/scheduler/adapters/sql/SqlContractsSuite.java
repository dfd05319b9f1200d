package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.contract.ActivityOutboxPortContract;
import com.grepsr.scheduler.application.contract.BatchWritePortsContract;
import com.grepsr.scheduler.application.contract.DueRunLocksContract;
import com.grepsr.scheduler.application.contract.RequestLogPortContract;
import com.grepsr.scheduler.application.contract.RetentionPortsContract;
import com.grepsr.scheduler.application.contract.ScheduleStorePortContract;
import com.grepsr.scheduler.application.contract.ScheduledRunListContract;
import com.grepsr.scheduler.application.contract.ScheduledRunReadsContract;
import com.grepsr.scheduler.application.contract.ScheduledRunStorePortContract;
import com.grepsr.scheduler.application.contract.Stores;
import com.grepsr.scheduler.application.contract.TaskHistoryStorePortContract;
import com.grepsr.scheduler.application.contract.TaskQueuePortContract;
import com.grepsr.scheduler.application.contract.TaskStorePortContract;
import com.grepsr.scheduler.application.contract.TransactionPortContract;
import com.grepsr.scheduler.application.races.TimingChangeRaceChecks;
import org.junit.jupiter.api.Nested;

import java.time.Clock;

/**
 * Every store port contract on one SQL database: each database's test class names its
 * {@link SqlDatabaseExtension} and inherits the same nested contract classes, so the three
 * databases can never drift apart in what they are held to.
 */
abstract class SqlContractsSuite {

    /** The database this suite runs on (registered as a static extension by the subclass). */
    abstract SqlDatabaseExtension database();

    Stores stores(Clock clock) {
        return SqlContractStores.of(database().fresh(clock));
    }

    @Nested
    class Schedules extends ScheduleStorePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class ScheduledRuns extends ScheduledRunStorePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class ScheduledRunReads extends ScheduledRunReadsContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class DueRunLocks extends DueRunLocksContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class ScheduledRunLists extends ScheduledRunListContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class BatchWrites extends BatchWritePortsContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class Retention extends RetentionPortsContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class Tasks extends TaskStorePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class TaskHistory extends TaskHistoryStorePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class TaskQueue extends TaskQueuePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class Outbox extends ActivityOutboxPortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class RequestLog extends RequestLogPortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class Transactions extends TransactionPortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }

    @Nested
    class TimingChangeRaces extends TimingChangeRaceChecks {
        @Override
        protected Stores newStores(Clock clock) {
            return SqlContractsSuite.this.stores(clock);
        }
    }
}
