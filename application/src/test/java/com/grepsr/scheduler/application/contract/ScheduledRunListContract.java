package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.grepsr.scheduler.application.contract.ContractFixtures.ACCOUNT_A;
import static com.grepsr.scheduler.application.contract.ContractFixtures.ACCOUNT_B;
import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.assertRejectedAsPageToken;
import static com.grepsr.scheduler.application.contract.ContractFixtures.hoursAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.pendingRuns;
import static com.grepsr.scheduler.application.contract.ContractFixtures.walkAllPages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyset lists of {@link com.grepsr.scheduler.application.port.out.ScheduledRunStorePort}:
 * every page in order with each run once, the filters, page sizes and refused page tokens. Uses
 * {@link Stores#runs()}, and {@link Stores#schedules()} to store the schedules runs belong to.
 */
public abstract class ScheduledRunListContract extends StoreContract implements RefusesForeignPageTokens {

    private static final Duration HOUR = Duration.ofHours(1);

    // ---- list ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 7, 40, 500})
    void walking_every_page_returns_runs_in_fire_order_each_once(int pageSize) {
        Schedule a = aStoredSchedule();
        Schedule b = aStoredSchedule();
        List<ScheduledRun> runs = new ArrayList<>(pendingRuns(a, BASE, HOUR, 20));
        runs.addAll(pendingRuns(b, BASE, HOUR, 20)); // same instants: the id breaks ties
        stores.runs().insertIfAbsent(runs);
        Comparator<ScheduledRun> fireOrder = Comparator.comparing(ScheduledRun::fireAt)
                .thenComparing(ScheduledRun::id);

        assertThat(walkAllPages(pageSize, p -> stores.runs().list(filter(false), p)))
                .containsExactlyElementsOf(runs.stream().sorted(fireOrder).toList());
        assertThat(walkAllPages(pageSize, p -> stores.runs().list(filter(true), p)))
                .containsExactlyElementsOf(runs.stream().sorted(fireOrder.reversed()).toList());
    }

    @Test
    void lists_filter_by_account_report_schedule_status_and_fire_window() {
        Schedule a1 = aStoredSchedule(ACCOUNT_A);
        Schedule a2 = aStoredSchedule(ACCOUNT_A);
        Schedule b1 = aStoredSchedule(ACCOUNT_B);
        List<ScheduledRun> ofA1 = pendingRuns(a1, BASE, HOUR, 5);
        List<ScheduledRun> ofA2 = pendingRuns(a2, BASE, HOUR, 5);
        List<ScheduledRun> ofB1 = pendingRuns(b1, BASE, HOUR, 5);
        List.of(ofA1, ofA2, ofB1).forEach(stores.runs()::insertIfAbsent);
        ScheduledRun missed = ofA1.get(1).miss(MissCause.SCHEDULER_DOWN, hoursAfterBase(2));
        stores.runs().settle(missed);

        assertThat(list(RunFilter.none().withAccount(a1.report().accountId())))
                .hasSize(10);
        assertThat(list(RunFilter.none().withAccount(b1.report().accountId())))
                .extracting(ScheduledRun::id).containsExactlyElementsOf(ofB1.stream().map(ScheduledRun::id).toList());
        assertThat(list(RunFilter.none().withReport(Optional.of(a2.report().reportId()))))
                .hasSize(5).allMatch(r -> r.scheduleId().equals(a2.id()));
        assertThat(list(RunFilter.none().withSchedule(a1.id()).withStatuses(Set.of(RunStatus.MISSED))))
                .containsExactly(missed);
        assertThat(list(RunFilter.none().withSchedule(a1.id())
                .withStatuses(Set.of(RunStatus.PENDING, RunStatus.MISSED)))).hasSize(5);
        assertThat(list(RunFilter.none().withSchedule(a1.id()).firingFrom(hoursAfterBase(1))
                .firingUntil(hoursAfterBase(3)))).extracting(ScheduledRun::fireAt)
                .as("both ends inclusive").containsExactly(hoursAfterBase(1), hoursAfterBase(2), hoursAfterBase(3));
        assertThat(list(RunFilter.none().firingFrom(hoursAfterBase(4)).sortedNewestFirst()))
                .hasSize(3);
        assertThat(list(RunFilter.none().firingUntil(BASE))).hasSize(3);
    }

    @Test
    void a_page_never_holds_more_than_its_size_and_the_default_size_is_50() {
        Schedule s = aStoredSchedule();
        stores.runs().insertIfAbsent(pendingRuns(s, BASE, Duration.ofMinutes(1), 501));

        var biggest = stores.runs().list(filter(false), PageRequest.first(PageRequest.MAX_SIZE));
        var byDefault = stores.runs().list(filter(false), new PageRequest(0, ""));

        assertThat(biggest.items()).hasSize(PageRequest.MAX_SIZE);
        assertThat(biggest.hasNext()).isTrue();
        assertThat(stores.runs().list(filter(false), new PageRequest(500, biggest.nextPageToken())).items())
                .hasSize(1);
        assertThat(byDefault.items()).hasSize(PageRequest.DEFAULT_SIZE);
    }

    @Test
    void a_well_formed_token_with_a_nonsense_key_is_a_validation_error_on_page_token() {
        assertPageTokenRejected(PageTokens.encode("yesterday", "not an id!"));
        assertPageTokenRejected(PageTokens.encode(BASE.toString(), "not an id!"));
        assertPageTokenRejected(PageTokens.encode("one"));
    }

    // ---- helpers ------------------------------------------------------------------------------

    @Override
    public void assertPageTokenRejected(String token) {
        Schedule s = aStoredSchedule();
        stores.runs().insertIfAbsent(pendingRuns(s, BASE, HOUR, 3));
        assertRejectedAsPageToken(() -> stores.runs().list(filter(false), new PageRequest(2, token)));
    }

    private static RunFilter filter(boolean newestFirst) {
        return new RunFilter(null, null, null, null, null, null, newestFirst);
    }

    private List<ScheduledRun> list(RunFilter f) {
        return walkAllPages(PageRequest.MAX_SIZE, p -> stores.runs().list(f, p));
    }
}
