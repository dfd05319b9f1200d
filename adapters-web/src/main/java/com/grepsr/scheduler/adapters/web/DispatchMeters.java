package com.grepsr.scheduler.adapters.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The service's own dispatch meters for the overview: per minute of the last hour, how many runs
 * were launched and how late (due → launch). The bootstrap feeds a {@link DispatchRecorder} from
 * the same calls that update its Prometheus meters.
 */
public interface DispatchMeters {

    /** One minute: launches that started in it, and their mean and worst due → launch lag. */
    record Minute(Instant start, long launched, Duration meanLag, Duration maxLag) {
    }

    /** The last 60 minutes, oldest first, ending with the current (partial) minute. */
    List<Minute> lastHour();

    /** No meters (a dashboard without a processor in the process). */
    static DispatchMeters none() {
        return List::of;
    }
}
