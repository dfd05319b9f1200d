package com.grepsr.scheduler.application.history;

import com.grepsr.scheduler.application.task.TaskFixture;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryBySchedulerIdUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryInfoUseCase;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.grepsr.scheduler.application.task.TaskFixture.ACME;
import static com.grepsr.scheduler.application.task.TaskFixture.ADMIN;
import static com.grepsr.scheduler.application.task.TaskFixture.GLOBEX;
import static com.grepsr.scheduler.application.task.TaskFixture.acmeReport;
import static com.grepsr.scheduler.application.task.TaskFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskHistoryQueriesTest {

    private final TaskFixture f = new TaskFixture();
    private final GetTaskHistoryBySchedulerIdService getTaskHistoryBySchedulerId =
            new GetTaskHistoryBySchedulerIdService(f.mem.history, f.mem.schedules);
    private final GetTaskHistoryInfoService getTaskHistoryInfo = new GetTaskHistoryInfoService(f.mem.history);

    /** Two tasks of the schedule, each reported on a few times, and one task of another schedule. */
    private List<TaskHistoryEntry> historyOf(Schedule s) {
        Task a = f.inStatus(s.report(), s.id(), TaskStatus.RUNNING);
        Task b = f.inStatus(s.report(), s.id(), TaskStatus.RUNNING);
        Task other = f.inStatus(s.report(), ScheduleId.of("elsewhere"), TaskStatus.RUNNING);
        List<TaskHistoryEntry> written = new ArrayList<>();
        for (int p = 10; p <= 50; p += 10) {
            f.clock.tick(Duration.ofMinutes(1));
            written.add(f.recorder.record(a.id(), null, p, "a at " + p, Map.of(), Source.CRAWLER).entry());
            written.add(f.recorder.record(b.id(), null, p, "b at " + p, Map.of(), Source.CRAWLER).entry());
            f.recorder.record(other.id(), null, p, null, Map.of(), Source.CRAWLER);
        }
        written.add(f.recorder.record(a.id(), TaskStatus.SUCCEEDED, null, "done", Map.of(), Source.CRAWLER).entry());
        return written;
    }

    // --- GetTaskHistoryBySchedulerId

    @Test
    void lists_a_schedules_history_newest_first_across_pages_without_duplicates_or_gaps() {
        Schedule s = f.schedule(acmeReport());
        List<TaskHistoryEntry> written = historyOf(s);

        List<TaskHistoryEntry> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            Page<TaskHistoryEntry> p = getTaskHistoryBySchedulerId.execute(ACME,
                    new GetTaskHistoryBySchedulerIdUseCase.Query(s.id(), new PageRequest(4, token))).entries();
            assertThat(p.items().size()).isLessThanOrEqualTo(4);
            seen.addAll(p.items());
            token = p.nextPageToken();
            pages++;
        } while (!token.isEmpty());

        assertThat(pages).isEqualTo(3); // 11 entries in pages of 4
        assertThat(seen).extracting(TaskHistoryEntry::sequence).doesNotHaveDuplicates()
                .containsExactlyElementsOf(written.stream().map(TaskHistoryEntry::sequence)
                        .sorted((x, y) -> Long.compare(y, x)).toList());
        assertThat(seen.get(0).message()).isEqualTo("done");
        assertThat(seen).allSatisfy(e -> assertThat(e.scheduleId()).isEqualTo(s.id()));
    }

    @Test
    void an_admin_reads_any_schedules_history() {
        Schedule s = f.schedule(report("globex", "g1"));
        historyOf(s);

        assertThat(getTaskHistoryBySchedulerId.execute(ADMIN, new GetTaskHistoryBySchedulerIdUseCase.Query(s.id(), null))
                .entries().items()).hasSize(11);
    }

    @Test
    void another_accounts_schedule_history_is_denied_and_an_unknown_schedule_not_found() {
        Schedule s = f.schedule(acmeReport());
        historyOf(s);

        assertThatThrownBy(() -> getTaskHistoryBySchedulerId.execute(GLOBEX, new GetTaskHistoryBySchedulerIdUseCase.Query(s.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> getTaskHistoryBySchedulerId.execute(ADMIN,
                new GetTaskHistoryBySchedulerIdUseCase.Query(ScheduleId.of("elsewhere"), null)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("elsewhere");
    }

    @Test
    void a_schedule_history_query_needs_a_schedule_id_and_a_token_it_issued() {
        Schedule s = f.schedule(acmeReport());
        assertThatThrownBy(() -> new GetTaskHistoryBySchedulerIdUseCase.Query(null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("schedule_id"));
        assertThatThrownBy(() -> getTaskHistoryBySchedulerId.execute(ACME,
                new GetTaskHistoryBySchedulerIdUseCase.Query(s.id(), new PageRequest(10, "forged"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("page_token");
    }

    @Test
    void a_deleted_schedules_history_stays_readable() {
        Schedule s = f.schedule(acmeReport());
        historyOf(s);
        f.mem.schedules.update(s.delete(f.clock.instant()), s.version());

        assertThat(getTaskHistoryBySchedulerId.execute(ACME, new GetTaskHistoryBySchedulerIdUseCase.Query(s.id(), null))
                .entries().items()).hasSize(11);
    }

    // --- GetTaskHistoryInfo

    @Test
    void reads_one_entry_by_its_sequence() {
        Schedule s = f.schedule(acmeReport());
        TaskHistoryEntry e = historyOf(s).get(3);

        TaskHistoryEntry read = getTaskHistoryInfo.execute(ACME, new GetTaskHistoryInfoUseCase.Query(e.sequence())).entry();

        assertThat(read).isEqualTo(e);
        assertThat(read.message()).isEqualTo("b at 20");
    }

    @Test
    void an_unknown_entry_is_not_found_and_a_foreign_one_denied() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        long seq = f.recorder.record(t.id(), null, 1, null, Map.of(), Source.CRAWLER).entry().sequence();

        assertThatThrownBy(() -> getTaskHistoryInfo.execute(ACME, new GetTaskHistoryInfoUseCase.Query(seq + 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> getTaskHistoryInfo.execute(GLOBEX, new GetTaskHistoryInfoUseCase.Query(seq)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(getTaskHistoryInfo.execute(ADMIN, new GetTaskHistoryInfoUseCase.Query(seq)).entry().taskId())
                .isEqualTo(t.id());
    }

    @Test
    void a_sequence_must_be_positive() {
        assertThatThrownBy(() -> new GetTaskHistoryInfoUseCase.Query(0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("sequence"));
        assertThatThrownBy(() -> new GetTaskHistoryInfoUseCase.Query(-5)).isInstanceOf(ValidationException.class);
    }
}
