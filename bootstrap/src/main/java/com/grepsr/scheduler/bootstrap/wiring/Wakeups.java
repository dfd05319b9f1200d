package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.bootstrap.runtime.DaemonService;

import java.util.Optional;

/**
 * Lets one part of a process cut another's sleep short: a new or changed schedule wakes the
 * calculator, new runs wake the processor. A part this process does not run is simply absent.
 */
public final class Wakeups {

    private volatile Optional<DaemonService> calculator = Optional.empty();
    private volatile Optional<DaemonService> processor = Optional.empty();

    void calculatorIs(DaemonService d) {
        calculator = Optional.of(d);
    }

    void processorIs(DaemonService d) {
        processor = Optional.of(d);
    }

    /** Schedules changed: compute their runs now rather than at the next idle tick. */
    public void calculator() {
        calculator.ifPresent(DaemonService::wakeUp);
    }

    /** Runs were added that may be due before the processor planned to look again. */
    public void processor() {
        processor.ifPresent(DaemonService::wakeUp);
    }
}
