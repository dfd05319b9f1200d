package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase.Command;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase.Result;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.TaskFixture.ACME;
import static com.grepsr.scheduler.application.service.TaskFixture.ADMIN;
import static com.grepsr.scheduler.application.service.TaskFixture.acmeReport;
import static com.grepsr.scheduler.application.service.TaskFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateAllTaskHistoryByStatusServiceTest {

    private final TaskFixture f = new TaskFixture();
    private final UpdateAllTaskHistoryByStatusService service =
            new UpdateAllTaskHistoryByStatusService(f.mem.tasks, f.recorder, stopperOn(f.mem.tasks), f.mem.transactions);

    private TaskStopper stopperOn(com.grepsr.scheduler.application.port.out.TaskStorePort tasks) {
        return new TaskStopper(tasks, f.mem.history, f.mem.queue, f.mem.launcher, f.mem.transactions, f.clock);
    }

    @Test
    void moves_running_tasks_silent_since_the_cutoff_and_writes_their_history() {
        Task old1 = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        Task old2 = f.inStatus(report("globex", "g1"), TaskStatus.RUNNING);
        f.clock.tick(Duration.ofHours(6));
        Instant cutoff = f.clock.instant();
        Task recent = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        Task queued = f.queued(acmeReport());
        f.clock.tick(Duration.ofMinutes(1));

        Result r = service.execute(ADMIN, Command.staleTasks(TaskStatus.RUNNING, TaskStatus.FAILED, cutoff,
                "crawler stopped reporting"));

        assertThat(r).isEqualTo(new Result(2, 0, false));
        for (Task t : List.of(old1, old2)) {
            Task now = f.current(t);
            assertThat(now.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(now.message()).isEqualTo("crawler stopped reporting");
            assertThat(now.finishedAt()).contains(f.clock.instant());
            assertThat(f.mem.history.listByTask(t.id(), PageRequest.first(5)).items()).singleElement()
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(TaskStatus.FAILED);
                        assertThat(e.source()).isEqualTo(Source.USER);
                        assertThat(e.metadata()).containsEntry("actor", "ops").containsEntry("bulk", "true");
                    });
        }
        assertThat(f.current(recent).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(f.current(queued).status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void stops_at_the_limit_and_says_more_remain_then_finishes_on_the_next_call() {
        for (int i = 0; i < 7; i++) {
            f.inStatus(acmeReport(), TaskStatus.QUEUED);
        }
        Command three = new Command(TaskStatus.QUEUED, TaskStatus.STOPPED, null, null, null, null, "", 3);

        assertThat(service.execute(ADMIN, three)).isEqualTo(new Result(3, 0, true));
        assertThat(service.execute(ADMIN, three)).isEqualTo(new Result(3, 0, true));
        assertThat(service.execute(ADMIN, three)).isEqualTo(new Result(1, 0, false));
        assertThat(service.execute(ADMIN, three)).isEqualTo(new Result(0, 0, false));
    }

    @Test
    void works_through_more_tasks_than_one_chunk_visiting_each_once() {
        int n = UpdateAllTaskHistoryByStatusService.CHUNK * 2 + 17;
        List<Task> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            made.add(f.inStatus(acmeReport(), TaskStatus.LAUNCHING));
        }

        Result r = service.execute(ADMIN, new Command(TaskStatus.LAUNCHING, TaskStatus.LOST, null, null, null, null,
                "job vanished", 10_000));

        assertThat(r).isEqualTo(new Result(n, 0, false));
        assertThat(made).allSatisfy(t -> assertThat(f.current(t).status()).isEqualTo(TaskStatus.LOST));
        assertThat(f.mem.history.find(n)).isPresent();
        assertThat(f.mem.history.find(n + 1L)).isEmpty();
    }

    @Test
    void confines_the_move_to_one_account_when_asked() {
        Task mine = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        Task theirs = f.inStatus(report("globex", "g1"), TaskStatus.RUNNING);

        Result r = service.execute(ADMIN, new Command(TaskStatus.RUNNING, TaskStatus.STOPPED, null,
                Optional.of(AccountId.of("globex")), null, null, "maintenance", 0));

        assertThat(r.moved()).isEqualTo(1);
        assertThat(f.current(mine).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(f.current(theirs).status()).isEqualTo(TaskStatus.STOPPED);
    }

    @Test
    void skips_a_task_that_moved_on_by_itself_meanwhile_and_moves_the_rest() {
        Task finishing = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        Task silent = f.inStatus(acmeReport(), TaskStatus.RUNNING);
        RacingTaskStore racing = new RacingTaskStore(f.mem.tasks).afterList(page -> {
            // its crawler reports success between the list and the bulk write
            Task t = f.current(finishing);
            if (t.status() == TaskStatus.RUNNING) {
                f.mem.tasks.update(t.moveTo(TaskStatus.SUCCEEDED, f.clock.instant()), t.version());
            }
        });
        UpdateAllTaskHistoryByStatusService racy = new UpdateAllTaskHistoryByStatusService(racing,
                new TaskTransitions(racing, f.mem.history, f.mem.transactions, f.clock), stopperOn(racing),
                f.mem.transactions);

        Result r = racy.execute(ADMIN, new Command(TaskStatus.RUNNING, TaskStatus.FAILED, null, null, null, null,
                "", 0));

        assertThat(r).isEqualTo(new Result(1, 1, false));
        assertThat(f.current(finishing).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(f.current(silent).status()).isEqualTo(TaskStatus.FAILED);
    }

    @Test
    void is_for_admins_only() {
        Task t = f.inStatus(acmeReport(), TaskStatus.RUNNING);

        assertThatThrownBy(() -> service.execute(ACME, Command.staleTasks(TaskStatus.RUNNING, TaskStatus.FAILED,
                f.clock.instant(), ""))).isInstanceOf(AccessDeniedException.class).hasMessageContaining("admins");
        assertThat(f.current(t).status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void a_move_no_task_could_make_is_an_illegal_transition() {
        assertThatThrownBy(() -> new Command(TaskStatus.SUCCEEDED, TaskStatus.FAILED, null, null, null, null, "", 0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> new Command(TaskStatus.RUNNING, TaskStatus.QUEUED, null, null, null, null, "", 0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> new Command(TaskStatus.RUNNING, TaskStatus.RUNNING, null, null, null, null, "", 0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void each_field_is_validated_by_name() {
        assertField(() -> new Command(null, TaskStatus.FAILED, null, null, null, null, "", 0), "from_status");
        assertField(() -> new Command(TaskStatus.RUNNING, null, null, null, null, null, "", 0), "to_status");
        assertField(() -> new Command(TaskStatus.RUNNING, TaskStatus.FAILED, null, null, null, null, "", 10_001),
                "limit");
        assertField(() -> new Command(TaskStatus.RUNNING, TaskStatus.FAILED, null, null, null, null, "", -1), "limit");
        assertField(() -> new Command(TaskStatus.RUNNING, TaskStatus.FAILED, null, null, null, null,
                "m".repeat(Task.MAX_MESSAGE_LENGTH + 1), 0), "message");
        assertThat(new Command(TaskStatus.RUNNING, TaskStatus.FAILED, null, null, null, null, null, 0).limit())
                .isEqualTo(1000);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo(field));
    }
}
