package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.application.contract.ActivityFeedSubject;
import com.grepsr.scheduler.application.contract.ActivityPublisherPortContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoActivityPublisherContractTest extends ActivityPublisherPortContract {

    @RegisterExtension
    static final DynaliteExtension DYNAMO = DynaliteExtension.inMemory();

    private DynamoAdapters dynamo;

    @Override
    protected ActivityFeedSubject newSubject() {
        dynamo = DYNAMO.freshTable();
        return new ActivityFeedSubject(dynamo.publisher(), dynamo.feed(), id -> TableScan.copies(dynamo, id));
    }

    @AfterEach
    void closeClient() {
        dynamo.close();
    }
}
