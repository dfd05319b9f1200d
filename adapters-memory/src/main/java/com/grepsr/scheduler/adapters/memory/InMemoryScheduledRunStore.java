package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Scheduled runs in maps; claims are leases kept beside them, all under the transaction lock. */
public final class InMemoryScheduledRunStore implements ScheduledRunStorePort {

    private record Key(ScheduleId schedule, Instant fireAt) {
    }

    private record Claim(String claimer, Instant until) {
    }

    private static final Comparator<ScheduledRun> FIRE_ORDER =
            Comparator.comparing(ScheduledRun::fireAt).thenComparing(ScheduledRun::id);

    private final Map<ScheduledRunId, ScheduledRun> runs = new HashMap<>();
    private final Map<Key, ScheduledRunId> byOccurrence = new HashMap<>();
    private final Map<ScheduledRunId, Claim> claims = new HashMap<>();
    private final InMemoryTransactions tx;

    public InMemoryScheduledRunStore(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public int insertIfAbsent(List<ScheduledRun> newRuns) {
        return tx.locked(() -> {
            int inserted = 0;
            for (ScheduledRun run : newRuns) {
                Key key = new Key(run.scheduleId(), run.fireAt());
                if (byOccurrence.containsKey(key) || runs.containsKey(run.id())) {
                    continue;
                }
                tx.write(() -> {
                    runs.put(run.id(), run);
                    byOccurrence.put(key, run.id());
                }, () -> {
                    runs.remove(run.id());
                    byOccurrence.remove(key);
                });
                inserted++;
            }
            return inserted;
        });
    }

    @Override
    public List<ScheduledRun> claimDue(Instant now, int limit, String claimer, Duration lease) {
        return tx.locked(() -> {
            List<ScheduledRun> due = runs.values().stream()
                    .filter(r -> r.isDue(now) && isClaimable(r.id(), now))
                    .sorted(FIRE_ORDER)
                    .limit(Math.max(0, limit))
                    .toList();
            Claim claim = new Claim(claimer, now.plus(lease));
            for (ScheduledRun r : due) {
                Claim previous = claims.get(r.id());
                tx.write(() -> claims.put(r.id(), claim), () -> restore(r.id(), previous));
            }
            return due;
        });
    }

    /** The transaction's lock keeps every other claimer out until it ends, so nothing is written. */
    @Override
    public List<ScheduledRun> lockDue(Instant now, int limit) {
        if (!tx.open()) {
            throw new IllegalStateException("lockDue needs an open transaction");
        }
        return runs.values().stream()
                .filter(r -> r.isDue(now) && isClaimable(r.id(), now))
                .sorted(FIRE_ORDER)
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public int lease(Collection<ScheduledRunId> ids, String claimer, Instant until) {
        return tx.locked(() -> {
            int leased = 0;
            for (ScheduledRunId id : ids) {
                ScheduledRun run = runs.get(id);
                if (run != null && run.status() == RunStatus.PENDING) {
                    Claim previous = claims.get(id);
                    tx.write(() -> claims.put(id, new Claim(claimer, until)), () -> restore(id, previous));
                    leased++;
                }
            }
            return leased;
        });
    }

    @Override
    public int release(Collection<ScheduledRunId> ids, String claimer) {
        return tx.locked(() -> {
            int released = 0;
            for (ScheduledRunId id : ids) {
                ScheduledRun run = runs.get(id);
                Claim claim = claims.get(id);
                if (run != null && run.status() == RunStatus.PENDING && claim != null && claim.claimer().equals(claimer)) {
                    tx.write(() -> claims.remove(id), () -> restore(id, claim));
                    released++;
                }
            }
            return released;
        });
    }

    @Override
    public boolean settle(ScheduledRun settled) {
        if (settled.status() == RunStatus.PENDING) {
            throw new IllegalArgumentException("settle needs a run that left PENDING, got " + settled);
        }
        return tx.locked(() -> {
            ScheduledRun current = runs.get(settled.id());
            if (current == null || current.status() != RunStatus.PENDING) {
                return false;
            }
            Claim claim = claims.get(settled.id());
            tx.write(() -> {
                runs.put(settled.id(), settled);
                claims.remove(settled.id());
            }, () -> {
                runs.put(current.id(), current);
                restore(current.id(), claim);
            });
            return true;
        });
    }

    @Override
    public int deletePendingAfter(ScheduleId schedule, Instant after) {
        return tx.locked(() -> {
            List<ScheduledRun> doomed = runs.values().stream()
                    .filter(r -> r.scheduleId().equals(schedule) && r.status() == RunStatus.PENDING
                            && r.fireAt().isAfter(after) && !claims.containsKey(r.id()))
                    .toList();
            for (ScheduledRun r : doomed) {
                Key key = new Key(r.scheduleId(), r.fireAt());
                tx.write(() -> {
                    runs.remove(r.id());
                    byOccurrence.remove(key);
                }, () -> {
                    runs.put(r.id(), r);
                    byOccurrence.put(key, r.id());
                });
            }
            return doomed.size();
        });
    }

    @Override
    public Optional<ScheduledRun> find(ScheduledRunId id) {
        return tx.locked(() -> Optional.ofNullable(runs.get(id)));
    }

    @Override
    public Optional<Instant> latestFireAt(ScheduleId schedule) {
        return tx.locked(() -> runs.values().stream().filter(r -> r.scheduleId().equals(schedule))
                .map(ScheduledRun::fireAt).max(Comparator.naturalOrder()));
    }

    @Override
    public Map<ScheduleId, Instant> latestFireAts(Collection<ScheduleId> schedules) {
        Set<ScheduleId> wanted = Set.copyOf(schedules);
        return tx.locked(() -> {
            Map<ScheduleId, Instant> latest = new HashMap<>();
            for (Key key : byOccurrence.keySet()) {
                if (wanted.contains(key.schedule())) {
                    latest.merge(key.schedule(), key.fireAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            return latest;
        });
    }

    @Override
    public Map<ScheduleId, Instant> latestFireAtsBetween(Collection<ScheduleId> schedules, Instant from, Instant to) {
        Set<ScheduleId> wanted = Set.copyOf(schedules);
        return tx.locked(() -> {
            Map<ScheduleId, Instant> latest = new HashMap<>();
            for (Key key : byOccurrence.keySet()) {
                if (wanted.contains(key.schedule()) && !key.fireAt().isBefore(from) && !key.fireAt().isAfter(to)) {
                    latest.merge(key.schedule(), key.fireAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            return latest;
        });
    }

    @Override
    public Map<ScheduleId, Instant> oldestPendingBefore(Collection<ScheduleId> schedules, Instant before) {
        Set<ScheduleId> wanted = Set.copyOf(schedules);
        return tx.locked(() -> {
            Map<ScheduleId, Instant> oldest = new HashMap<>();
            for (ScheduledRun r : runs.values()) {
                if (r.status() == RunStatus.PENDING && r.fireAt().isBefore(before) && wanted.contains(r.scheduleId())) {
                    oldest.merge(r.scheduleId(), r.fireAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            return oldest;
        });
    }

    @Override
    public Optional<Instant> nextDueAt(Instant notAfter) {
        return tx.locked(() -> runs.values().stream()
                .filter(r -> r.status() == RunStatus.PENDING && !r.fireAt().isAfter(notAfter))
                .map(this::claimableFrom)
                .min(Comparator.naturalOrder())
                .filter(at -> !at.isAfter(notAfter)));
    }

    /** When a PENDING run can next be claimed: when due, or when its claim's lease ends if later. */
    private Instant claimableFrom(ScheduledRun r) {
        Claim c = claims.get(r.id());
        return c == null || c.until().isBefore(r.fireAt()) ? r.fireAt() : c.until();
    }

    @Override
    public Page<ScheduledRun> list(RunFilter f, PageRequest page) {
        Comparator<ScheduledRun> order = f.newestFirst() ? FIRE_ORDER.reversed() : FIRE_ORDER;
        List<ScheduledRun> matching = tx.locked(() -> new ArrayList<>(runs.values().stream()
                .filter(r -> matches(f, r)).toList()));
        return KeysetPages.page(matching.stream(), order,
                r -> new String[] {r.fireAt().toString(), r.id().value()}, 2,
                key -> {
                    Instant at = KeysetPages.keyPart(() -> Instant.parse(key.get(0)));
                    ScheduledRunId id = KeysetPages.keyPart(() -> ScheduledRunId.of(key.get(1)));
                    return r -> {
                        int c = r.fireAt().compareTo(at);
                        c = c != 0 ? c : r.id().compareTo(id);
                        return f.newestFirst() ? c < 0 : c > 0;
                    };
                }, page);
    }

    private boolean isClaimable(ScheduledRunId id, Instant now) {
        Claim c = claims.get(id);
        return c == null || !c.until().isAfter(now);
    }

    private void restore(ScheduledRunId id, Claim previous) {
        if (previous == null) {
            claims.remove(id);
        } else {
            claims.put(id, previous);
        }
    }

    private static boolean matches(RunFilter f, ScheduledRun r) {
        return f.account().map(a -> a.equals(r.report().accountId())).orElse(true)
                && f.report().map(x -> x.equals(r.report().reportId())).orElse(true)
                && f.schedule().map(s -> s.equals(r.scheduleId())).orElse(true)
                && (f.statuses().isEmpty() || f.statuses().contains(r.status()))
                && f.fireFrom().map(t -> !r.fireAt().isBefore(t)).orElse(true)
                && f.fireTo().map(t -> !r.fireAt().isAfter(t)).orElse(true);
    }

    @Override
    public int deleteSettledBefore(Instant cutoff, int limit) {
        return tx.locked(() -> {
            List<ScheduledRun> old = runs.values().stream()
                    .filter(r -> r.status() != RunStatus.PENDING && r.fireAt().isBefore(cutoff))
                    .sorted(Comparator.comparing(ScheduledRun::fireAt)).limit(Math.max(0, limit)).toList();
            for (ScheduledRun r : old) {
                Key key = new Key(r.scheduleId(), r.fireAt());
                tx.write(() -> {
                    runs.remove(r.id());
                    byOccurrence.remove(key);
                }, () -> {
                    runs.put(r.id(), r);
                    byOccurrence.put(key, r.id());
                });
            }
            return old.size();
        });
    }
}
