package com.grepsr.scheduler.adapters.grpc.isolation;

import java.util.List;
import java.util.stream.Stream;

/** Every method's {@link IsolationCase}, gathered from the three groups. */
final class IsolationCases {

    private IsolationCases() {
    }

    static List<IsolationCase> all() {
        return Stream.of(ScheduleIsolationCases.all(), RunIsolationCases.all(), TaskIsolationCases.all())
                .flatMap(List::stream).toList();
    }
}
