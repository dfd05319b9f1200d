package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.out.RequestLogPort;

import java.time.Duration;
import java.time.Instant;

/**
 * Reconciler step: deletes request ids older than the retention, one bounded batch a tick. They
 * count as unseen already, so this only keeps the log small, and a backlog drains over a few ticks.
 */
final class ForgetRequestIdsStep {

    private final RequestLogPort requests;
    private final Duration retention;

    ForgetRequestIdsStep(RequestLogPort requests, Duration retention) {
        this.requests = requests;
        this.retention = retention;
    }

    /** How many ids it forgot. */
    int run(Instant now) {
        return requests.deleteRecordedBefore(now.minus(retention), ReconcilerDaemon.PAGE * 5);
    }
}
