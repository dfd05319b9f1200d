package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static com.grepsr.scheduler.application.model.CrawlerTokensTest.childOf;
import static com.grepsr.scheduler.application.model.CrawlerTokensTest.manualTask;
import static com.grepsr.scheduler.application.model.CrawlerTokensTest.parentTask;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The crawler's reach: its own task, its own parent's queue, and nothing a user's checks allow. */
class CallerTest {

    private static final AccountId ACME = AccountId.of("acme");
    private final Task own = manualTask("task-1", "acme");
    private final Task parent = parentTask("parent-1", "acme");
    private final Task child = childOf(parent, "child-1");
    private final Caller crawler = Caller.crawlerOf(own.id(), Optional.empty(), ACME);
    private final Caller childCrawler = Caller.crawlerOf(child.id(), Optional.of(parent.id()), ACME);

    @Test
    void a_crawler_may_report_on_its_own_task_only() {
        assertThatCode(() -> crawler.requireReportOn(own)).doesNotThrowAnyException();
        assertThatThrownBy(() -> crawler.requireReportOn(manualTask("task-2", "acme")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crawler.requireReportOn(manualTask("task-1", "globex")))
                .as("a task of that id in another account").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> childCrawler.requireReportOn(parent)).as("its parent")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_childs_crawler_may_queue_work_for_its_own_parent_only() {
        assertThatCode(() -> childCrawler.requireQueueWorkFor(parent)).doesNotThrowAnyException();
        assertThatThrownBy(() -> childCrawler.requireQueueWorkFor(parentTask("parent-2", "acme")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crawler.requireQueueWorkFor(parent)).as("a task with no parent")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void every_check_a_user_passes_refuses_a_crawler() {
        assertThatThrownBy(() -> crawler.requireAccess(ACME, "schedule s-1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crawler.requireAdmin("GetAllSchedules")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crawler.scope(Optional.empty())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crawler.scope(Optional.of(ACME))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crawler.requireUser("GetNextSchedules")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void users_report_and_queue_work_by_account_as_before() {
        Caller acme = Caller.ofAccount("alice", ACME);
        Caller globex = Caller.ofAccount("bob", AccountId.of("globex"));

        assertThatCode(() -> acme.requireReportOn(own)).doesNotThrowAnyException();
        assertThatCode(() -> acme.requireQueueWorkFor(parent)).doesNotThrowAnyException();
        assertThatCode(() -> Caller.admin("ops").requireReportOn(own)).doesNotThrowAnyException();
        assertThatThrownBy(() -> globex.requireReportOn(own)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> globex.requireQueueWorkFor(parent)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_crawler_is_never_an_admin_and_always_has_an_account() {
        org.assertj.core.api.Assertions.assertThat(crawler.isAdmin()).isFalse();
        assertThatThrownBy(() -> new Caller("x", Optional.empty(),
                Optional.of(new Caller.CrawlerScope(TaskId.of("t"), Optional.empty()))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
