package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aCreatedEvent;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aPendingRun;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduleWithEveryFieldSet;
import static com.grepsr.scheduler.application.contract.ContractFixtures.anEventId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.hoursAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.minutesAfterBase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link com.grepsr.scheduler.application.port.out.ActivityOutboxPort} contract: append order,
 * limits, idempotent delivery marks. Uses {@link Stores#outbox()}, and {@link Stores#schedules()}
 * for the schedules events are about.
 */
public abstract class ActivityOutboxPortContract extends StoreContract {

    @Test
    void every_kind_of_event_comes_back_intact_in_append_order() {
        Schedule s = aStoredSchedule();
        Schedule paused = s.pause(hoursAfterBase(3), minutesAfterBase(1));
        ScheduledRun run = aPendingRun(s, BASE).miss(MissCause.PAUSED, minutesAfterBase(2));
        List<ActivityEvent> events = List.of(
                ActivityEvents.created(anEventId(), s, "alice", BASE),
                ActivityEvents.updated(anEventId(), s, s.update("renamed", s.details(), minutesAfterBase(1)), "alice",
                        minutesAfterBase(1)),
                ActivityEvents.stopped(anEventId(), paused, "bob", minutesAfterBase(1)),
                ActivityEvents.missed(anEventId(), run, minutesAfterBase(2)),
                ActivityEvents.unpaused(anEventId(), paused.unpause(minutesAfterBase(3)), "scheduler",
                        minutesAfterBase(3)),
                ActivityEvents.deleted(anEventId(), s, "carol", minutesAfterBase(4)));
        events.forEach(stores.outbox()::append);

        assertThat(stores.outbox().undelivered(100)).containsExactlyElementsOf(events);
    }

    @Test
    void order_is_append_order_not_event_time() {
        Schedule s = aStoredSchedule();
        ActivityEvent later = aCreatedEvent(s, hoursAfterBase(2));
        ActivityEvent earlier = aCreatedEvent(s, BASE);
        stores.outbox().append(later);
        stores.outbox().append(earlier);

        assertThat(stores.outbox().undelivered(10)).containsExactly(later, earlier);
    }

    @Test
    void undelivered_returns_at_most_the_limit_oldest_first() {
        List<ActivityEvent> events = appendEvents(7);

        assertThat(stores.outbox().undelivered(3)).containsExactlyElementsOf(events.subList(0, 3));
        assertThat(stores.outbox().undelivered(0)).isEmpty();
    }

    @Test
    void delivered_events_leave_the_outbox() {
        List<ActivityEvent> events = appendEvents(5);

        stores.outbox().markDelivered(List.of(events.get(0).id(), events.get(2).id()));

        assertThat(stores.outbox().undelivered(10)).containsExactly(events.get(1), events.get(3), events.get(4));
        assertThat(stores.outbox().undelivered(1)).containsExactly(events.get(1));
    }

    @Test
    void marking_delivered_is_idempotent_and_ignores_unknown_ids() {
        List<ActivityEvent> events = appendEvents(3);
        List<EventId> first = List.of(events.get(0).id());

        stores.outbox().markDelivered(first);
        stores.outbox().markDelivered(first);
        stores.outbox().markDelivered(List.of(anEventId(), events.get(0).id(), events.get(0).id()));
        stores.outbox().markDelivered(List.of());

        assertThat(stores.outbox().undelivered(10)).containsExactly(events.get(1), events.get(2));
    }

    @Test
    void an_empty_outbox_has_nothing_to_deliver() {
        assertThat(stores.outbox().undelivered(10)).isEmpty();
    }

    @Test
    void details_with_unusual_text_are_kept() {
        Schedule s = aScheduleWithEveryFieldSet();
        stores.schedules().insert(s);
        ActivityEvent e = ActivityEvents.stopped(anEventId(), s, "Ünïcødé user <x@y>", BASE);
        stores.outbox().append(e);

        ActivityEvent back = stores.outbox().undelivered(1).get(0);
        assertThat(back).isEqualTo(e);
        assertThat(back.type()).isEqualTo("ReportScheduleStoppedEvent");
        assertThat(back.details()).containsEntry("paused_until", s.pausedUntil().orElseThrow().toString());
    }

    @Test
    void concurrent_appends_are_all_kept_once() {
        Schedule s = aStoredSchedule();
        java.util.Set<EventId> appended = java.util.concurrent.ConcurrentHashMap.newKeySet();

        var outcomes = ContractFixtures.inParallel(8, () -> {
            for (int i = 0; i < 50; i++) {
                ActivityEvent e = aCreatedEvent(s, minutesAfterBase(i));
                stores.outbox().append(e);
                appended.add(e.id());
            }
            return null;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(stores.outbox().undelivered(1000)).extracting(ActivityEvent::id)
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(appended);
    }

    private List<ActivityEvent> appendEvents(int n) {
        Schedule s = aStoredSchedule();
        List<ActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ActivityEvent e = aCreatedEvent(s, minutesAfterBase(i));
            stores.outbox().append(e);
            events.add(e);
        }
        return events;
    }
}
