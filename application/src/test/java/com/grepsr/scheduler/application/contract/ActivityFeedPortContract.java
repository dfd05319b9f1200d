package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.port.out.ActivityFeedPort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.event.ReportScheduleCreatedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.grepsr.scheduler.application.contract.ActivityEventSamples.T0;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdAt;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.createdEvery;
import static com.grepsr.scheduler.application.contract.ActivityEventSamples.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link ActivityFeedPort} contract: an account's and a report's events, newest first, in
 * keyset pages that never skip or repeat an event. Implementations extend it and return an empty
 * feed from {@link #newSubject()}.
 */
public abstract class ActivityFeedPortContract {

    private ActivityFeedSubject subject;

    /** An empty feed of the implementation under test; called before every test. */
    protected abstract ActivityFeedSubject newSubject();

    @BeforeEach
    final void emptyFeed() {
        subject = newSubject();
    }

    @Test
    void an_account_lists_its_events_newest_first_whatever_the_publishing_order() {
        ReportRef r = report("acct-order", "rep-order");
        List<ActivityEvent> events = createdEvery(r, T0, 4);
        subject.publisher().publish(List.of(events.get(2), events.get(0), events.get(3), events.get(1)));

        assertThat(feed().byAccount(r.accountId(), PageRequest.first(10)).items())
                .containsExactly(events.get(3), events.get(2), events.get(1), events.get(0));
    }

    @Test
    void a_fraction_of_a_second_later_is_newer_than_the_whole_second() {
        // Instant.toString drops a zero fraction ("…:00Z" vs "…:00.500Z"): a store sorting that text would get this wrong
        ReportRef r = report("acct-frac", "rep-frac");
        ActivityEvent whole = createdAt(r, T0);
        ActivityEvent half = createdAt(r, T0.plusMillis(500));
        ActivityEvent nano = createdAt(r, T0.plusNanos(1));
        subject.publisher().publish(List.of(whole, half, nano));

        assertThat(feed().byAccount(r.accountId(), PageRequest.first(10)).items()).containsExactly(half, nano, whole);
    }

    @Test
    void events_at_the_same_instant_are_ordered_by_event_id_descending() {
        ReportRef r = report("acct-tie", "rep-tie");
        List<ActivityEvent> same = List.of(createdAt(r, T0), createdAt(r, T0), createdAt(r, T0));
        subject.publisher().publish(same);

        List<ActivityEvent> expected = new ArrayList<>(same);
        expected.sort((a, b) -> b.id().compareTo(a.id()));
        assertThat(pages(id -> feed().byAccount(r.accountId(), id), 1)).containsExactlyElementsOf(expected);
    }

    @Test
    void pages_walk_every_event_exactly_once_and_the_last_page_has_no_token() {
        ReportRef r = report("acct-pages", "rep-pages");
        List<ActivityEvent> events = createdEvery(r, T0, 23);
        subject.publisher().publish(events);

        List<ActivityEvent> newestFirst = new ArrayList<>(events);
        Collections.reverse(newestFirst);
        assertThat(pages(req -> feed().byAccount(r.accountId(), req), 5)).containsExactlyElementsOf(newestFirst);
        assertThat(pages(req -> feed().byReport(r.reportId(), req), 7)).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void a_page_ending_exactly_at_the_last_event_has_no_token() {
        ReportRef r = report("acct-exact", "rep-exact");
        subject.publisher().publish(createdEvery(r, T0, 10));

        Page<ActivityEvent> first = feed().byAccount(r.accountId(), PageRequest.first(5));
        Page<ActivityEvent> second = feed().byAccount(r.accountId(), new PageRequest(5, first.nextPageToken()));

        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).hasSize(5);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void a_report_lists_only_its_own_events_and_an_account_all_of_its_reports() {
        ReportRef mine = report("acct-shared", "rep-a");
        ReportRef sibling = report("acct-shared", "rep-b");
        ReportRef foreign = report("acct-other", "rep-c");
        ActivityEvent a = createdAt(mine, T0);
        ActivityEvent b = createdAt(sibling, T0.plusSeconds(1));
        ActivityEvent c = createdAt(foreign, T0.plusSeconds(2));
        subject.publisher().publish(List.of(a, b, c));

        assertThat(feed().byReport(mine.reportId(), PageRequest.first(10)).items()).containsExactly(a);
        assertThat(feed().byAccount(mine.accountId(), PageRequest.first(10)).items()).containsExactly(b, a);
        assertThat(feed().byAccount(foreign.accountId(), PageRequest.first(10)).items()).containsExactly(c);
    }

    @Test
    void an_unknown_account_or_report_has_an_empty_last_page() {
        Page<ActivityEvent> account = feed().byAccount(AccountId.of("nobody"), PageRequest.first(10));
        Page<ActivityEvent> report = feed().byReport(ReportId.of("nothing"), PageRequest.first(10));

        assertThat(account.items()).isEmpty();
        assertThat(account.hasNext()).isFalse();
        assertThat(report.items()).isEmpty();
        assertThat(report.hasNext()).isFalse();
    }

    @Test
    void a_token_the_feed_did_not_issue_is_refused_on_page_token() {
        AccountId account = AccountId.of("acct-token");
        for (String token : List.of("garbage!", PageTokens.encode("x"), PageTokens.encode("a", "b", "c", "d"),
                PageTokens.encode("", ""))) {
            assertThatThrownBy(() -> feed().byAccount(account, new PageRequest(5, token)))
                    .as(token).isInstanceOf(ValidationException.class).hasMessageContaining("page_token");
            assertThatThrownBy(() -> feed().byReport(ReportId.of("rep-token"), new PageRequest(5, token)))
                    .as(token).isInstanceOf(ValidationException.class).hasMessageContaining("page_token");
        }
    }

    @Test
    void an_event_with_no_details_keeps_an_empty_map() {
        ReportRef r = report("acct-bare", "rep-bare");
        ActivityEvent bare = new ReportScheduleCreatedEvent(EventId.of("evt-bare-1"), createdAt(r, T0).scheduleId(), r,
                "alice", T0, Map.of());
        subject.publisher().publish(List.of(bare));

        assertThat(feed().byAccount(r.accountId(), PageRequest.first(10)).items()).containsExactly(bare);
    }

    private ActivityFeedPort feed() {
        return subject.feed();
    }

    /** Every event of a paginated list, following the tokens to the end. */
    private static List<ActivityEvent> pages(Function<PageRequest, Page<ActivityEvent>> list, int size) {
        List<ActivityEvent> all = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        for (int guard = 0; guard < 1_000; guard++) {
            Page<ActivityEvent> page = list.apply(request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            request = new PageRequest(size, page.nextPageToken());
        }
        throw new AssertionError("pagination did not end");
    }
}
