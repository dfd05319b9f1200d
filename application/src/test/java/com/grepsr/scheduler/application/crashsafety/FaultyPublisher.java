package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.port.out.ActivityPublisherPort;
import com.grepsr.scheduler.domain.event.ActivityEvent;

import java.util.List;

/** The victim relay's publisher: reports each publish to the injector. */
final class FaultyPublisher implements ActivityPublisherPort {

    private final ActivityPublisherPort delegate;
    private final FaultInjector faults;

    FaultyPublisher(ActivityPublisherPort delegate, FaultInjector faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public void publish(List<? extends ActivityEvent> events) {
        faults.before(Step.PUBLISH);
        delegate.publish(events);
        faults.after(Step.PUBLISH);
    }
}
