package com.grepsr.scheduler.application.crashsafety;

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

/**
 * A replica's run store: reports claims and settlements to its injector, and counts every
 * settlement that changed a run in a ledger all replicas share (a run must be settled once).
 */
final class FaultyRunStore implements ScheduledRunStorePort {

    private final ScheduledRunStorePort delegate;
    private final FaultInjector faults;
    private final Map<ScheduledRunId, Integer> settlements;

    FaultyRunStore(ScheduledRunStorePort delegate, FaultInjector faults, Map<ScheduledRunId, Integer> settlements) {
        this.delegate = delegate;
        this.faults = faults;
        this.settlements = settlements;
    }

    @Override
    public List<ScheduledRun> claimDue(Instant now, int limit, String claimer, Duration lease) {
        faults.before(Step.CLAIM);
        List<ScheduledRun> claimed = delegate.claimDue(now, limit, claimer, lease);
        faults.after(Step.CLAIM);
        return claimed;
    }

    /** The lean claim is the CLAIM step too: it writes nothing, so its "commit" is the chunk's. */
    @Override
    public List<ScheduledRun> lockDue(Instant now, int limit) {
        faults.before(Step.CLAIM);
        List<ScheduledRun> locked = delegate.lockDue(now, limit);
        faults.after(Step.CLAIM);
        return locked;
    }

    @Override
    public boolean settle(ScheduledRun settled) {
        faults.before(Step.RUN_SETTLE);
        boolean changed = delegate.settle(settled);
        if (changed) {
            faults.onCommit(() -> settlements.merge(settled.id(), 1, Integer::sum));
            faults.after(Step.RUN_SETTLE);
        }
        return changed;
    }

    @Override
    public int insertIfAbsent(List<ScheduledRun> runs) {
        return delegate.insertIfAbsent(runs);
    }

    @Override
    public int deletePendingAfter(ScheduleId schedule, Instant after) {
        return delegate.deletePendingAfter(schedule, after);
    }

    @Override
    public Optional<ScheduledRun> find(ScheduledRunId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<Instant> latestFireAt(ScheduleId schedule) {
        return delegate.latestFireAt(schedule);
    }

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
    public int lease(Collection<ScheduledRunId> runs, String claimer, Instant until) {
        return delegate.lease(runs, claimer, until);
    }

    @Override
    public int release(Collection<ScheduledRunId> claimed, String claimer) {
        return delegate.release(claimed, claimer);
    }

    @Override
    public Optional<Instant> nextDueAt(Instant notAfter) {
        return delegate.nextDueAt(notAfter);
    }

    @Override
    public Page<ScheduledRun> list(RunFilter filter, PageRequest page) {
        return delegate.list(filter, page);
    }

    @Override
    public int deleteSettledBefore(Instant cutoff, int limit) {
        return delegate.deleteSettledBefore(cutoff, limit);
    }
}
