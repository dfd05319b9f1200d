package com.grepsr.scheduler.application.daemon.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the reconciler keeps what is done. {@link Duration#ZERO} keeps forever.
 *
 * @param runs   settled scheduled runs, by when they were due
 * @param tasks  finished tasks with their history (a parent with its children), by when they finished
 * @param events delivered activity events, by when they occurred
 * @param batch  most rows of each table one prune pass deletes, so no pass holds many locks
 */
public record RetentionSettings(Duration runs, Duration tasks, Duration events, int batch) {

    public static final RetentionSettings DEFAULTS =
            new RetentionSettings(Duration.ofDays(90), Duration.ofDays(90), Duration.ofDays(7), 500);

    public RetentionSettings {
        for (Duration d : new Duration[] {runs, tasks, events}) {
            Objects.requireNonNull(d, "retention");
            if (d.isNegative()) {
                throw new IllegalArgumentException("a retention must not be negative (0 keeps forever), was " + d);
            }
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("the retention batch must be 1..10000, was " + batch);
        }
    }
}
