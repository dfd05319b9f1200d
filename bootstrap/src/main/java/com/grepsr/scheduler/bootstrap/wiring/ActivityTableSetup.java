package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.dynamo.ActivityTable;
import com.grepsr.scheduler.bootstrap.runtime.Service;

import java.time.Duration;

/** Creates the activity table at start unless it exists ({@code PHOENIX_DYNAMO_CREATE_TABLE=true}). */
final class ActivityTableSetup implements Service {

    /** DynamoDB takes seconds to make a table ACTIVE; a minute or two means something is wrong. */
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final ActivityTable table;

    ActivityTableSetup(ActivityTable table) {
        this.table = table;
    }

    @Override
    public String name() {
        return "activity-table";
    }

    @Override
    public void start() {
        table.createIfAbsent(WAIT);
    }

    @Override
    public void stop() {
        // nothing runs: the table outlives the process
    }
}
