package com.grepsr.scheduler.application.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand: {@link #tick(Duration)} and {@link #set(Instant)}. Thread-safe. The
 * one settable clock of the project: the scheduler's own tests (crash-safety scenarios on every
 * store, the in-memory scheduler) and other apps' tests through the test kit. It lives in the
 * application module, under every adapter, so any module's tests can use it.
 */
public final class SettableClock extends Clock {

    private volatile Instant now;

    public SettableClock(Instant start) {
        this.now = start;
    }

    public synchronized void set(Instant instant) {
        this.now = instant;
    }

    public synchronized Instant tick(Duration by) {
        now = now.plus(by);
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the scheduler never uses a clock's zone; zones come from schedules");
    }
}
