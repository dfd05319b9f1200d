package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.contract.Stores;

/** The SQL adapters as the port contracts take them. */
final class SqlContractStores {

    private SqlContractStores() {
    }

    static Stores of(SqlAdapters sql) {
        return new Stores(sql.transactions(), sql.schedules(), sql.runs(), sql.tasks(), sql.history(), sql.queue(),
                sql.outbox(), sql.requests());
    }
}
