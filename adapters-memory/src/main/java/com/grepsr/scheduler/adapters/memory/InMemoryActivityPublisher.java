package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.port.out.ActivityFeedPort;
import com.grepsr.scheduler.application.port.out.ActivityPublisherPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The activity feed in memory: a map by event id (which makes publishing idempotent) plus the
 * order in which events were first stored, so tests can check that the relay keeps each
 * account's order.
 */
public final class InMemoryActivityPublisher implements ActivityPublisherPort, ActivityFeedPort {

    private static final Comparator<ActivityEvent> NEWEST_FIRST = Comparator
            .comparing(ActivityEvent::occurredAt).thenComparing(ActivityEvent::id).reversed();

    private final Map<EventId, ActivityEvent> stored = new LinkedHashMap<>();

    @Override
    public synchronized void publish(List<? extends ActivityEvent> events) {
        for (ActivityEvent e : events) {
            stored.putIfAbsent(e.id(), e);
        }
    }

    @Override
    public Page<ActivityEvent> byAccount(AccountId account, PageRequest page) {
        return list(e -> e.report().accountId().equals(account), page);
    }

    @Override
    public Page<ActivityEvent> byReport(ReportId report, PageRequest page) {
        return list(e -> e.report().reportId().equals(report), page);
    }

    /** Every stored event, in the order each was first stored. */
    public synchronized List<ActivityEvent> stored() {
        return List.copyOf(stored.values());
    }

    /** How many copies of the event are stored: 0 or 1, by construction. */
    public synchronized int copies(EventId id) {
        return stored.containsKey(id) ? 1 : 0;
    }

    private Page<ActivityEvent> list(Predicate<ActivityEvent> filter, PageRequest page) {
        List<ActivityEvent> matching;
        synchronized (this) {
            matching = new ArrayList<>(stored.values().stream().filter(filter).toList());
        }
        return KeysetPages.page(matching.stream(), NEWEST_FIRST,
                e -> new String[]{e.occurredAt().toString(), e.id().value()}, 2, InMemoryActivityPublisher::olderThan,
                page);
    }

    /** Whether an event comes after the token's (instant, id) in newest-first order. */
    private static Predicate<ActivityEvent> olderThan(List<String> key) {
        Instant at;
        EventId id;
        try {
            at = Instant.parse(key.get(0));
            id = EventId.of(key.get(1));
        } catch (RuntimeException e) {
            throw ValidationException.of("page_token", "is not a token this service issued (use next_page_token as given)");
        }
        return e -> e.occurredAt().isBefore(at) || (e.occurredAt().equals(at) && e.id().compareTo(id) < 0);
    }
}
