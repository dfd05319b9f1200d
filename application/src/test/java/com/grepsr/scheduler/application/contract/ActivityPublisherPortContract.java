package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.grepsr.scheduler.application.contract.ActivityEventSamples.T0;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdAt;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdEvery;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.oneOfEachKind;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link com.grepsr.scheduler.application.port.out.ActivityPublisherPort} contract: what is
 * published comes back intact, and publishing is idempotent by event id. Implementations extend
 * it and return an empty feed from {@link #newSubject()}.
 */
public abstract class ActivityPublisherPortContract {

    private ActivityFeedSubject subject;

    /** An empty feed of the implementation under test; called before every test. */
    protected abstract ActivityFeedSubject newSubject();

    @BeforeEach
    final void emptyFeed() {
        subject = newSubject();
    }

    @Test
    void every_kind_of_event_comes_back_equal_to_what_was_published() {
        ReportRef r = report("acct-kinds", "rep-kinds");
        List<ActivityEvent> events = oneOfEachKind(r);

        subject.publisher().publish(events);

        List<ActivityEvent> newestFirst = new ArrayList<>(events);
        Collections.reverse(newestFirst);
        assertThat(subject.feed().byAccount(r.accountId(), PageRequest.first(50)).items())
                .containsExactlyElementsOf(newestFirst);
        assertThat(subject.feed().byReport(r.reportId(), PageRequest.first(50)).items())
                .containsExactlyElementsOf(newestFirst);
    }

    @Test
    void the_same_event_published_three_times_is_stored_once() {
        ReportRef r = report("acct-idem", "rep-idem");
        ActivityEvent e = createdAt(r, T0);

        subject.publisher().publish(List.of(e));
        subject.publisher().publish(List.of(e));
        subject.publisher().publish(List.of(e));

        assertThat(subject.storedCopies().applyAsInt(e.id())).isEqualTo(1);
        assertThat(subject.feed().byAccount(r.accountId(), PageRequest.first(50)).items()).containsExactly(e);
    }

    @Test
    void a_batch_repeating_published_events_stores_only_the_new_ones() {
        ReportRef r = report("acct-overlap", "rep-overlap");
        List<ActivityEvent> events = createdEvery(r, T0, 5);

        subject.publisher().publish(events.subList(0, 3));
        subject.publisher().publish(events); // a relay retrying after a partial failure does this
        subject.publisher().publish(List.of(events.get(4), events.get(4)));

        for (ActivityEvent e : events) {
            assertThat(subject.storedCopies().applyAsInt(e.id())).as(e.id().value()).isEqualTo(1);
        }
        assertThat(subject.feed().byAccount(r.accountId(), PageRequest.first(50)).items()).hasSize(5);
    }

    @Test
    void an_empty_batch_stores_nothing() {
        ReportRef r = report("acct-empty", "rep-empty");

        subject.publisher().publish(List.of());

        assertThat(subject.feed().byAccount(r.accountId(), PageRequest.first(50)).items()).isEmpty();
    }

    @Test
    void an_event_never_published_has_no_copy() {
        ActivityEvent e = createdAt(report("acct-none", "rep-none"), T0);

        assertThat(subject.storedCopies().applyAsInt(e.id())).isZero();
    }
}
