package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.DueSchedule;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.NextCalculation;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.contract.ContractFixtures.ACCOUNT_A;
import static com.grepsr.scheduler.application.contract.ContractFixtures.ACCOUNT_B;
import static com.grepsr.scheduler.application.contract.ContractFixtures.BASE;
import static com.grepsr.scheduler.application.contract.ContractFixtures.assertRejectedAsPageToken;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aReportOf;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduleId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduleWithEveryFieldSet;
import static com.grepsr.scheduler.application.contract.ContractFixtures.anHourlySchedule;
import static com.grepsr.scheduler.application.contract.ContractFixtures.anHourlyScheduleOf;
import static com.grepsr.scheduler.application.contract.ContractFixtures.hoursAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.inParallel;
import static com.grepsr.scheduler.application.contract.ContractFixtures.minutesAfterBase;
import static com.grepsr.scheduler.application.contract.ContractFixtures.pausedUntil;
import static com.grepsr.scheduler.application.contract.ContractFixtures.walkAllPages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link com.grepsr.scheduler.application.port.out.ScheduleStorePort} contract. Uses
 * {@link Stores#schedules()} only.
 */
public abstract class ScheduleStorePortContract extends StoreContract {

    // ---- insert and find ----------------------------------------------------------------------

    @Test
    void a_stored_schedule_comes_back_with_every_field_intact() {
        Schedule s = aScheduleWithEveryFieldSet();
        stores.schedules().insert(s);

        assertSameSchedule(stores.schedules().find(s.id()).orElseThrow(), s);
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertThat(stores.schedules().find(aScheduleId())).isEmpty();
    }

    @Test
    void inserting_a_taken_id_fails_and_keeps_the_first() {
        Schedule first = anHourlySchedule();
        stores.schedules().insert(first);
        Schedule impostor = Schedule.create(first.id(), "impostor", aReportOf(ACCOUNT_B), first.details(), BASE);

        assertThatThrownBy(() -> stores.schedules().insert(impostor)).isInstanceOf(AlreadyExistsException.class);
        assertThat(stores.schedules().find(first.id()).orElseThrow().name()).isEqualTo("hourly");
    }

    // ---- compare-and-set update ---------------------------------------------------------------

    @Test
    void an_update_at_the_stored_version_replaces_the_schedule() {
        Schedule s = anHourlySchedule();
        stores.schedules().insert(s);
        Schedule paused = s.pause(hoursAfterBase(5), minutesAfterBase(1));

        stores.schedules().update(paused, s.version());

        assertSameSchedule(stores.schedules().find(s.id()).orElseThrow(), paused);
    }

    @Test
    void an_update_at_a_stale_version_is_a_conflict_and_changes_nothing() {
        Schedule s = anHourlySchedule();
        stores.schedules().insert(s);
        Schedule v2 = s.pause(null, minutesAfterBase(1));
        stores.schedules().update(v2, 1);
        Schedule staleEdit = s.update("renamed", s.details(), minutesAfterBase(2));

        assertThatThrownBy(() -> stores.schedules().update(staleEdit, 1)).isInstanceOf(VersionConflictException.class);
        assertSameSchedule(stores.schedules().find(s.id()).orElseThrow(), v2);
    }

    @Test
    void updating_an_unknown_schedule_is_not_found() {
        Schedule never = anHourlySchedule();
        assertThatThrownBy(() -> stores.schedules().update(never.delete(BASE), 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void of_writers_racing_on_one_version_exactly_one_wins() {
        Schedule s = anHourlySchedule();
        stores.schedules().insert(s);
        AtomicInteger writer = new AtomicInteger();

        var outcomes = inParallel(8, () -> {
            Schedule mine = s.update("writer " + writer.incrementAndGet(), s.details(), minutesAfterBase(1));
            stores.schedules().update(mine, s.version());
            return mine.name();
        });

        assertThat(outcomes).filteredOn(o -> o.succeeded()).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(VersionConflictException.class));
        String winner = outcomes.stream().filter(o -> o.succeeded()).findFirst().orElseThrow().value();
        Schedule stored = stores.schedules().find(s.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo(winner);
        assertThat(stored.version()).isEqualTo(2);
    }

    // ---- list: keyset pages -------------------------------------------------------------------

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 5, 23, 100})
    void walking_every_page_returns_each_schedule_once_in_id_order(int pageSize) {
        List<Schedule> inserted = insertHourlySchedules(23, aReportOf(ACCOUNT_A));

        List<Schedule> walked = walkAllPages(pageSize, p -> stores.schedules().list(ScheduleFilter.all(), p));

        assertThat(walked).extracting(Schedule::id)
                .containsExactlyElementsOf(inserted.stream().map(Schedule::id).sorted().toList());
    }

    @Test
    void an_empty_store_lists_one_empty_last_page() {
        var page = stores.schedules().list(ScheduleFilter.all(), PageRequest.first(10));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void a_schedule_inserted_during_a_walk_neither_repeats_nor_hides_others() {
        List<Schedule> before = insertHourlySchedules(10, aReportOf(ACCOUNT_A));
        var first = stores.schedules().list(ScheduleFilter.all(), PageRequest.first(4));
        Schedule late = anHourlyScheduleOf(aReportOf(ACCOUNT_A));
        stores.schedules().insert(late);

        List<Schedule> all = new ArrayList<>(first.items());
        all.addAll(walkAllPages(4, p -> stores.schedules().list(ScheduleFilter.all(),
                p.isFirst() ? new PageRequest(4, first.nextPageToken()) : p)));

        assertThat(all).extracting(Schedule::id).doesNotHaveDuplicates()
                .containsAll(before.stream().map(Schedule::id).toList());
    }

    @Test
    void lists_filter_by_account_project_report_and_status() {
        ReportRef a1 = aReportOf(ACCOUNT_A);
        ReportRef a2 = aReportOf(ACCOUNT_A);
        ReportRef b1 = aReportOf(ACCOUNT_B);
        List<Schedule> ofA1 = insertHourlySchedules(3, a1);
        List<Schedule> ofA2 = insertHourlySchedules(2, a2);
        List<Schedule> ofB1 = insertHourlySchedules(4, b1);
        Schedule pausedA1 = pausedUntil(ofA1.get(1), null);
        stores.schedules().update(pausedA1, 1);

        assertThat(ids(new ScheduleFilter(Optional.of(a1.accountId()), null, null, null)))
                .containsExactlyElementsOf(idsOf(ofA1, ofA2));
        assertThat(ids(new ScheduleFilter(Optional.of(b1.accountId()), null, null, null)))
                .containsExactlyElementsOf(idsOf(ofB1));
        assertThat(ids(new ScheduleFilter(null, Optional.of(a2.projectId()), null, null)))
                .containsExactlyElementsOf(idsOf(ofA2));
        assertThat(ids(new ScheduleFilter(null, null, Optional.of(a1.reportId()), null)))
                .containsExactlyElementsOf(idsOf(ofA1));
        assertThat(ids(ScheduleFilter.withStatuses(Set.of(ScheduleStatus.PAUSED))))
                .containsExactly(pausedA1.id());
        assertThat(ids(new ScheduleFilter(Optional.of(a1.accountId()), null, Optional.of(a1.reportId()),
                Set.of(ScheduleStatus.ACTIVE)))).containsExactly(ofA1.get(0).id(), ofA1.get(2).id());
        assertThat(ids(ScheduleFilter.withStatuses(Set.of(ScheduleStatus.ACTIVE, ScheduleStatus.PAUSED))))
                .hasSize(9);
        assertThat(ids(ScheduleFilter.withStatuses(Set.of(ScheduleStatus.DELETED)))).isEmpty();
    }

    @Test
    void a_filtered_walk_pages_through_matches_only() {
        insertHourlySchedules(7, aReportOf(ACCOUNT_B));
        List<Schedule> mine = insertHourlySchedules(11, aReportOf(ACCOUNT_A));
        insertHourlySchedules(7, aReportOf(ACCOUNT_B));
        ScheduleFilter onlyA = new ScheduleFilter(Optional.of(mine.get(0).report().accountId()), null, null, null);

        assertThat(walkAllPages(3, p -> stores.schedules().list(onlyA, p))).extracting(Schedule::id)
                .containsExactlyElementsOf(idsOf(mine));
    }

    @Test
    void an_accounts_schedules_across_its_reports_page_by_page_without_the_deleted() {
        // GetSchedules for an account token with no report or project: account + visible statuses
        List<Schedule> first = insertHourlySchedules(4, aReportOf(ACCOUNT_A));
        insertHourlySchedules(3, aReportOf(ACCOUNT_B));
        List<Schedule> second = new ArrayList<>(insertHourlySchedules(4, aReportOf(ACCOUNT_A)));
        Schedule deleted = second.remove(1);
        stores.schedules().update(deleted.delete(minutesAfterBase(1)), deleted.version());
        ScheduleFilter accountA = new ScheduleFilter(Optional.of(deleted.report().accountId()), null, null,
                Set.of(ScheduleStatus.ACTIVE, ScheduleStatus.PAUSED, ScheduleStatus.COMPLETED));

        assertThat(walkAllPages(2, p -> stores.schedules().list(accountA, p))).extracting(Schedule::id)
                .containsExactlyElementsOf(idsOf(first, second));
    }

    @ParameterizedTest(name = "token {0}")
    @ValueSource(strings = {"garbage", "!!!", "cDE", "AAAAAAAA"})
    void a_token_this_store_did_not_issue_is_a_validation_error_on_page_token(String token) {
        insertHourlySchedules(3, aReportOf(ACCOUNT_A));
        assertRejectedAsPageToken(() -> stores.schedules().list(ScheduleFilter.all(), new PageRequest(2, token)));
    }

    @Test
    void a_well_formed_token_with_the_wrong_key_is_a_validation_error_on_page_token() {
        insertHourlySchedules(3, aReportOf(ACCOUNT_A));
        String forged = PageTokens.encode("not", "an", "id");
        assertRejectedAsPageToken(() -> stores.schedules().list(ScheduleFilter.all(), new PageRequest(2, forged)));
    }

    // ---- findPausedUntil ----------------------------------------------------------------------

    @Test
    void paused_schedules_whose_resume_instant_has_come_are_found() {
        Schedule due = pausedUntil(insert(anHourlySchedule()), hoursAfterBase(1));
        Schedule dueExactlyNow = pausedUntil(insert(anHourlySchedule()), hoursAfterBase(2));
        Schedule later = pausedUntil(insert(anHourlySchedule()), hoursAfterBase(3));
        Schedule indefinitely = pausedUntil(insert(anHourlySchedule()), null);
        insert(anHourlySchedule());
        for (Schedule s : List.of(due, dueExactlyNow, later, indefinitely)) {
            stores.schedules().update(s, 1);
        }

        assertThat(stores.schedules().findPausedUntil(hoursAfterBase(2), 10)).extracting(Schedule::id)
                .containsExactlyInAnyOrder(due.id(), dueExactlyNow.id());
        assertThat(stores.schedules().findPausedUntil(hoursAfterBase(2), 1)).hasSize(1);
        assertThat(stores.schedules().findPausedUntil(BASE, 10)).isEmpty();
    }

    // ---- findDueForCalculation and calculatedUntil ---------------------------------------------

    @Test
    void new_active_schedules_are_due_for_calculation_at_once() {
        Schedule a = insert(anHourlySchedule());
        Schedule b = insert(anHourlySchedule());
        Schedule paused = pausedUntil(insert(anHourlySchedule()), null);
        stores.schedules().update(paused, 1);

        assertThat(stores.schedules().findDueForCalculation(BASE, 10)).extracting(Schedule::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(stores.schedules().findDueForCalculation(BASE, 1)).hasSize(1);
    }

    @Test
    void a_mark_moves_a_schedule_out_of_the_due_ones_until_its_instant_comes() {
        Schedule a = insert(anHourlySchedule());
        Schedule b = insert(anHourlySchedule());

        int recorded = stores.schedules().calculatedUntil(List.of(
                new NextCalculation(a.id(), a.version(), hoursAfterBase(2)),
                new NextCalculation(b.id(), b.version(), hoursAfterBase(1))));

        assertThat(recorded).isEqualTo(2);
        assertThat(stores.schedules().findDueForCalculation(BASE, 10)).isEmpty();
        assertThat(stores.schedules().findDueForCalculation(hoursAfterBase(1), 10)).extracting(Schedule::id)
                .containsExactly(b.id());
        assertThat(stores.schedules().findDueForCalculation(hoursAfterBase(2), 10)).extracting(Schedule::id)
                .as("earliest mark first").containsExactly(b.id(), a.id());
        assertThat(stores.schedules().calculatedUntil(List.of())).isZero();
    }

    @Test
    void due_schedules_page_through_by_mark_then_id_after_the_last_one_seen() {
        Schedule a = insert(anHourlySchedule());
        Schedule b = insert(anHourlySchedule());
        Schedule c = insert(anHourlySchedule());
        stores.schedules().calculatedUntil(List.of(
                new NextCalculation(a.id(), a.version(), hoursAfterBase(2)),
                new NextCalculation(b.id(), b.version(), hoursAfterBase(1)),
                new NextCalculation(c.id(), c.version(), hoursAfterBase(1))));
        ScheduleId firstOfTheHour = b.id().compareTo(c.id()) < 0 ? b.id() : c.id();
        ScheduleId secondOfTheHour = firstOfTheHour.equals(b.id()) ? c.id() : b.id();

        List<DueSchedule> first = stores.schedules().dueForCalculation(hoursAfterBase(3), Optional.empty(), 1);
        List<DueSchedule> rest = stores.schedules().dueForCalculation(hoursAfterBase(3), Optional.of(first.get(0)), 10);

        assertThat(first).extracting(d -> d.schedule().id()).containsExactly(firstOfTheHour);
        assertThat(first.get(0).at()).isEqualTo(hoursAfterBase(1));
        assertThat(rest).extracting(d -> d.schedule().id()).containsExactly(secondOfTheHour, a.id());
        assertThat(stores.schedules().dueForCalculation(hoursAfterBase(3), Optional.of(rest.get(1)), 10)).isEmpty();
    }

    @Test
    void an_updated_schedule_is_due_again_at_once() {
        Schedule a = insert(anHourlySchedule());
        stores.schedules().calculatedUntil(List.of(new NextCalculation(a.id(), a.version(), hoursAfterBase(5))));

        Schedule renamed = a.update("renamed", a.details(), minutesAfterBase(1));
        stores.schedules().update(renamed, a.version());

        assertThat(stores.schedules().findDueForCalculation(BASE, 10)).extracting(Schedule::id)
                .containsExactly(a.id());
        assertThat(stores.schedules().findDueForCalculation(BASE, 10).get(0).version()).isEqualTo(renamed.version());
    }

    @Test
    void a_mark_computed_for_an_older_version_is_not_recorded() {
        Schedule a = insert(anHourlySchedule());
        Schedule renamed = a.update("renamed", a.details(), minutesAfterBase(1));
        stores.schedules().update(renamed, a.version());

        int recorded = stores.schedules().calculatedUntil(
                List.of(new NextCalculation(a.id(), a.version(), hoursAfterBase(5)),
                        new NextCalculation(aScheduleId(), 1, hoursAfterBase(5))));

        assertThat(recorded).isZero();
        assertThat(stores.schedules().findDueForCalculation(BASE, 10)).extracting(Schedule::id)
                .containsExactly(a.id());
    }

    @Test
    void a_mark_written_in_a_transaction_that_rolls_back_is_not_kept() {
        Schedule a = insert(anHourlySchedule());

        assertThatThrownBy(() -> stores.transactions().run(() -> {
            stores.schedules().calculatedUntil(List.of(new NextCalculation(a.id(), a.version(), hoursAfterBase(5))));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(stores.schedules().findDueForCalculation(BASE, 10)).extracting(Schedule::id)
                .containsExactly(a.id());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Schedule insert(Schedule s) {
        stores.schedules().insert(s);
        return s;
    }

    private List<Schedule> insertHourlySchedules(int n, ReportRef report) {
        return IntStream.range(0, n).mapToObj(i -> insert(anHourlyScheduleOf(report))).toList();
    }

    private List<ScheduleId> ids(ScheduleFilter filter) {
        return walkAllPages(PageRequest.MAX_SIZE, p -> stores.schedules().list(filter, p)).stream()
                .map(Schedule::id).toList();
    }

    @SafeVarargs
    private static List<ScheduleId> idsOf(List<Schedule>... groups) {
        List<ScheduleId> ids = new ArrayList<>();
        for (List<Schedule> group : groups) {
            group.forEach(s -> ids.add(s.id()));
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /** Every field, not only id and version (what {@link Schedule#equals} compares). */
    static void assertSameSchedule(Schedule actual, Schedule expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("recurrence").isEqualTo(expected);
    }
}
