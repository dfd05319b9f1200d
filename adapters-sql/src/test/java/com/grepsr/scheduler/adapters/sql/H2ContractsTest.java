package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.contract.ActivityOutboxPortContract;
import com.grepsr.scheduler.application.contract.ScheduleStorePortContract;
import com.grepsr.scheduler.application.contract.ScheduledRunStorePortContract;
import com.grepsr.scheduler.application.contract.Stores;
import com.grepsr.scheduler.application.contract.TaskHistoryStorePortContract;
import com.grepsr.scheduler.application.contract.TaskQueuePortContract;
import com.grepsr.scheduler.application.contract.TaskStorePortContract;
import com.grepsr.scheduler.application.contract.TransactionPortContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;

/** Every store port contract on H2 (one fresh in-memory database for the class, emptied per test). */
class H2ContractsTest {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.h2();

    static Stores stores(Clock clock) {
        return SqlContractStores.of(DB.fresh(clock));
    }

    @Nested
    class Schedules extends ScheduleStorePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class ScheduledRuns extends ScheduledRunStorePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Tasks extends TaskStorePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class TaskHistory extends TaskHistoryStorePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class TaskQueue extends TaskQueuePortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Outbox extends ActivityOutboxPortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Transactions extends TransactionPortContract {
        @Override
        protected Stores newStores(Clock clock) {
            return stores(clock);
        }
    }
}
