package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The outbox as a list plus the set of delivered ids. */
public final class InMemoryActivityOutbox implements ActivityOutboxPort {

    private final List<ActivityEvent> events = new ArrayList<>();
    private final Set<EventId> delivered = new HashSet<>();
    private final InMemoryTransactions tx;

    public InMemoryActivityOutbox(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(ActivityEvent event) {
        tx.write(() -> events.add(event), () -> events.remove(events.size() - 1));
    }

    @Override
    public List<ActivityEvent> undelivered(int limit) {
        return tx.locked(() -> events.stream().filter(e -> !delivered.contains(e.id())).limit(Math.max(0, limit)).toList());
    }

    @Override
    public void markDelivered(Collection<EventId> ids) {
        tx.locked(() -> {
            for (EventId id : ids) {
                if (!delivered.contains(id)) {
                    tx.write(() -> delivered.add(id), () -> delivered.remove(id));
                }
            }
            return null;
        });
    }

    /** Every event appended so far, delivered or not, in order (for tests and the embedded mode). */
    public List<ActivityEvent> all() {
        return tx.locked(() -> List.copyOf(events));
    }

    @Override
    public int deleteDeliveredBefore(java.time.Instant cutoff, int limit) {
        return tx.locked(() -> {
            List<ActivityEvent> before = List.copyOf(events);
            List<ActivityEvent> doomed = before.stream()
                    .filter(e -> delivered.contains(e.id()) && e.occurredAt().isBefore(cutoff))
                    .limit(Math.max(0, limit)).toList();
            if (doomed.isEmpty()) {
                return 0;
            }
            Set<ActivityEvent> gone = new HashSet<>(doomed);
            tx.write(() -> events.removeIf(gone::contains), () -> {
                events.clear();
                events.addAll(before);
            });
            return doomed.size();
        });
    }
}
