package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Measures claim latency around any run store; everything else passes straight through. */
public final class TimedRunStore implements ScheduledRunStorePort {

    private final ScheduledRunStorePort delegate;
    private final SchedulerMetrics metrics;

    public TimedRunStore(ScheduledRunStorePort delegate, SchedulerMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public List<ScheduledRun> claimDue(Instant now, int limit, String claimer, Duration lease) {
        // wall time on purpose: latency is about the store, not about the scheduler's clock
        long start = System.nanoTime();
        try {
            return delegate.claimDue(now, limit, claimer, lease);
        } finally {
            metrics.claimed(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public List<ScheduledRun> lockDue(Instant now, int limit) {
        long start = System.nanoTime();
        try {
            return delegate.lockDue(now, limit);
        } finally {
            metrics.claimed(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public int lease(Collection<ScheduledRunId> runs, String claimer, Instant until) {
        return delegate.lease(runs, claimer, until);
    }

    @Override
    public int insertIfAbsent(List<ScheduledRun> runs) { return delegate.insertIfAbsent(runs); }

    @Override
    public boolean settle(ScheduledRun settled) { return delegate.settle(settled); }

    @Override
    public int release(Collection<ScheduledRunId> runs, String claimer) { return delegate.release(runs, claimer); }

    @Override
    public int deletePendingAfter(ScheduleId schedule, Instant after) {
        return delegate.deletePendingAfter(schedule, after);
    }

    @Override
    public Optional<ScheduledRun> find(ScheduledRunId id) { return delegate.find(id); }

    @Override
    public Optional<Instant> latestFireAt(ScheduleId schedule) { return delegate.latestFireAt(schedule); }

    @Override
    public Map<ScheduleId, Instant> latestFireAtsBetween(Collection<ScheduleId> schedules, Instant from, Instant to) {
        return delegate.latestFireAtsBetween(schedules, from, to);
    }

    @Override
    public Map<ScheduleId, Instant> oldestPendingBefore(Collection<ScheduleId> schedules, Instant before) {
        return delegate.oldestPendingBefore(schedules, before);
    }

    @Override
    public Map<ScheduleId, Instant> latestFireAts(Collection<ScheduleId> schedules) {
        return delegate.latestFireAts(schedules);
    }

    @Override
    public Optional<Instant> nextDueAt(Instant notAfter) { return delegate.nextDueAt(notAfter); }

    @Override
    public Page<ScheduledRun> list(RunFilter filter, PageRequest page) { return delegate.list(filter, page); }

    @Override
    public int deleteSettledBefore(Instant cutoff, int limit) {
        return delegate.deleteSettledBefore(cutoff, limit);
    }
}
