package com.grepsr.scheduler.adapters.grpc.auth;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.common.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRegistryTest {

    private static final String ADMIN = "admin-0123456789abcdef";
    private static final String ACME = "acme-0123456789abcdef";

    private final TokenRegistry registry = TokenRegistry.of(ApiToken.admin("ops", ADMIN),
            ApiToken.forAccount("alice", AccountId.of("acme"), ACME));

    @Test
    void a_known_secret_authenticates_as_its_caller() {
        assertThat(registry.authenticate(ADMIN)).contains(Caller.admin("ops"));
        assertThat(registry.authenticate(ACME)).contains(Caller.ofAccount("alice", AccountId.of("acme")));
    }

    @Test
    void an_unknown_or_partly_right_secret_does_not() {
        assertThat(registry.authenticate("")).isEmpty();
        assertThat(registry.authenticate(ADMIN.substring(0, 10))).isEmpty();
        assertThat(registry.authenticate(ADMIN + " ")).isEmpty();
    }

    @Test
    void a_crawler_token_authenticates_as_its_tasks_crawler_only_where_its_secret_is_configured() {
        CrawlerTokens crawlers = CrawlerTokens.withSecret("crawler-secret-0123456789abcdef-0123");
        Task task = Task.queue(TaskId.of("task-1"), TaskOrigin.manual(ReportRef.of("r", "p", "acme", "amazon"), null,
                Parameters.NONE, null), Instant.parse("2026-03-02T09:00:00Z"));
        String token = crawlers.issue(task).orElseThrow();
        TokenRegistry withCrawlers = new TokenRegistry(List.of(ApiToken.admin("ops", ADMIN)), crawlers);

        assertThat(withCrawlers.authenticate(token)).contains(Caller.crawlerOf(task.id(), Optional.empty(),
                AccountId.of("acme")));
        assertThat(withCrawlers.authenticate(ADMIN)).contains(Caller.admin("ops"));
        assertThat(registry.authenticate(token)).as("no crawler secret configured").isEmpty();
    }

    @Test
    void an_api_token_shaped_like_a_crawler_token_is_refused_at_startup() {
        assertThatThrownBy(() -> TokenRegistry.of(ApiToken.admin("ops", "pct1.0123456789abcdef")))
                .hasMessageContaining("crawler token");
    }

    @Test
    void weak_or_duplicate_tokens_are_refused_at_startup() {
        assertThatThrownBy(() -> ApiToken.admin("ops", "short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiToken.admin("ops", "has a space in it 12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenRegistry.of(ApiToken.admin("ops", ADMIN), ApiToken.admin("ops", ACME)))
                .hasMessageContaining("named 'ops'");
        assertThatThrownBy(() -> TokenRegistry.of(ApiToken.admin("a", ADMIN), ApiToken.admin("b", ADMIN)))
                .hasMessageContaining("reuses");
    }

    @Test
    void a_token_never_prints_its_secret() {
        assertThat(ApiToken.admin("ops", ADMIN).toString()).doesNotContain(ADMIN).contains("ops");
    }
}
