package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.contract.ActivityFeedSubject;
import com.grepsr.scheduler.application.contract.ActivityPublisherPortContract;

class InMemoryActivityPublisherContractTest extends ActivityPublisherPortContract {

    @Override
    protected ActivityFeedSubject newSubject() {
        InMemoryActivityPublisher feed = new InMemoryActivityPublisher();
        return new ActivityFeedSubject(feed, feed, feed::copies);
    }
}
