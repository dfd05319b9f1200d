package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Schedules in a map, with the calculator's next look at each beside them. */
public final class InMemoryScheduleStore implements ScheduleStorePort {

    /** A new or changed schedule is due for calculation before any instant a clock gives. */
    private static final Instant DUE_AT_ONCE = Instant.EPOCH;

    private final Map<ScheduleId, Schedule> schedules = new ConcurrentHashMap<>();
    private final Map<ScheduleId, Instant> calculateAt = new ConcurrentHashMap<>();
    private final InMemoryTransactions tx;

    public InMemoryScheduleStore(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Schedule schedule) {
        tx.locked(() -> {
            if (schedules.containsKey(schedule.id())) {
                throw new AlreadyExistsException("schedule", schedule.id().value());
            }
            tx.write(() -> {
                schedules.put(schedule.id(), schedule);
                calculateAt.put(schedule.id(), DUE_AT_ONCE);
            }, () -> {
                schedules.remove(schedule.id());
                calculateAt.remove(schedule.id());
            });
            return null;
        });
    }

    @Override
    public void update(Schedule updated, long expectedVersion) {
        tx.locked(() -> {
            Schedule current = schedules.get(updated.id());
            if (current == null) {
                throw new NotFoundException("schedule", updated.id().value());
            }
            if (current.version() != expectedVersion) {
                throw new VersionConflictException("schedule", updated.id().value(), expectedVersion, current.version());
            }
            Instant previousMark = calculateAt.get(updated.id());
            tx.write(() -> {
                schedules.put(updated.id(), updated);
                calculateAt.put(updated.id(), DUE_AT_ONCE);
            }, () -> {
                schedules.put(current.id(), current);
                calculateAt.put(current.id(), previousMark);
            });
            return null;
        });
    }

    @Override
    public Optional<Schedule> find(ScheduleId id) {
        return tx.locked(() -> Optional.ofNullable(schedules.get(id)));
    }

    @Override
    public List<Schedule> findAll(Collection<ScheduleId> ids) {
        return tx.locked(() -> ids.stream().distinct().map(schedules::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Page<Schedule> list(ScheduleFilter filter, PageRequest page) {
        return tx.locked(() -> KeysetPages.page(schedules.values().stream().filter(s -> matches(filter, s)),
                Comparator.comparing(Schedule::id), s -> new String[] {s.id().value()}, 1,
                key -> {
                    ScheduleId after = KeysetPages.keyPart(() -> ScheduleId.of(key.get(0)));
                    return s -> s.id().compareTo(after) > 0;
                }, page));
    }

    @Override
    public List<Schedule> findPausedUntil(Instant now, int limit) {
        return tx.locked(() -> schedules.values().stream()
                .filter(s -> s.status() == ScheduleStatus.PAUSED)
                .filter(s -> s.pausedUntil().map(u -> !u.isAfter(now)).orElse(false))
                .sorted(Comparator.comparing(Schedule::id))
                .limit(Math.max(0, limit))
                .toList());
    }

    @Override
    public List<DueSchedule> dueForCalculation(Instant now, Optional<DueSchedule> after, int limit) {
        Comparator<DueSchedule> order = Comparator.comparing(DueSchedule::at)
                .thenComparing(d -> d.schedule().id());
        return tx.locked(() -> schedules.values().stream()
                .filter(s -> s.status() == ScheduleStatus.ACTIVE && !calculateAt.get(s.id()).isAfter(now))
                .map(s -> new DueSchedule(s, calculateAt.get(s.id())))
                .filter(d -> after.map(a -> order.compare(d, a) > 0).orElse(true))
                .sorted(order)
                .limit(Math.max(0, limit))
                .toList());
    }

    @Override
    public Set<ScheduleId> lockIfUnchanged(Map<ScheduleId, Long> versions) {
        // transactions here are serial: the caller's holds the one lock until it ends
        return tx.locked(() -> versions.entrySet().stream()
                .filter(v -> schedules.containsKey(v.getKey()) && schedules.get(v.getKey()).version() == v.getValue())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet()));
    }

    @Override
    public int calculatedUntil(List<NextCalculation> marks) {
        return tx.locked(() -> {
            int recorded = 0;
            for (NextCalculation m : marks) {
                Schedule current = schedules.get(m.schedule());
                if (current == null || current.version() != m.version()) {
                    continue;
                }
                Instant previous = calculateAt.get(m.schedule());
                tx.write(() -> calculateAt.put(m.schedule(), m.at()), () -> calculateAt.put(m.schedule(), previous));
                recorded++;
            }
            return recorded;
        });
    }

    private static boolean matches(ScheduleFilter f, Schedule s) {
        return f.account().map(a -> a.equals(s.report().accountId())).orElse(true)
                && f.project().map(p -> p.equals(s.report().projectId())).orElse(true)
                && f.report().map(r -> r.equals(s.report().reportId())).orElse(true)
                && (f.statuses().isEmpty() || f.statuses().contains(s.status()));
    }
}
