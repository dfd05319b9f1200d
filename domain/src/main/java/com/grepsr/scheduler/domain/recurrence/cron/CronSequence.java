package com.grepsr.scheduler.domain.recurrence.cron;

import com.grepsr.scheduler.domain.recurrence.LocalSequence;

/** A parsed cron expression as a sequence of matching wall-clock seconds. */
public final class CronSequence implements LocalSequence {

    private CronSequence() {
    }

    /**
     * Parses a cron expression.
     *
     * @throws IllegalArgumentException saying what is wrong, with a valid example
     */
    public static CronSequence parse(String expression) {
        throw new UnsupportedOperationException("TODO: cron parser");
    }

    @Override
    public long nextLocal(long afterLocal) {
        throw new UnsupportedOperationException("TODO");
    }
}
