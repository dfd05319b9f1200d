package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.ActivityFeedPortContract;
import com.grepsr.scheduler.application.contract.ActivityFeedSubject;

class InMemoryActivityFeedContractTest extends ActivityFeedPortContract {

    @Override
    protected ActivityFeedSubject newSubject() {
        InMemoryActivityPublisher feed = new InMemoryActivityPublisher();
        return new ActivityFeedSubject(feed, feed, feed::copies);
    }
}
