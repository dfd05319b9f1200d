package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrawlerTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-server-secret";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final CrawlerTokens tokens = CrawlerTokens.withSecret(SECRET);

    static Task manualTask(String id, String account) {
        return Task.queue(TaskId.of(id), TaskOrigin.manual(ReportRef.of("report-1", "proj-1", account, "amazon"),
                null, Parameters.NONE, null), NOW);
    }

    static Task childOf(Task parent, String id) {
        return Task.queue(TaskId.of(id), TaskOrigin.child(parent, 0, null), NOW);
    }

    static Task parentTask(String id, String account) {
        return Task.queue(TaskId.of(id), TaskOrigin.parent(ReportRef.of("report-1", "proj-1", account, "amazon"),
                Parameters.NONE, 2, null), NOW);
    }

    @Test
    void a_token_acts_as_the_crawler_of_its_own_task() {
        String token = tokens.issue(manualTask("task-1", "acme")).orElseThrow();

        assertThat(token).startsWith("pct1.");
        assertThat(tokens.verify(token)).contains(Caller.crawlerOf(TaskId.of("task-1"), Optional.empty(),
                AccountId.of("acme")));
    }

    @Test
    void a_childs_token_names_its_parent() {
        Task parent = parentTask("parent-1", "acme");
        Caller caller = tokens.verify(tokens.issue(childOf(parent, "child-1")).orElseThrow()).orElseThrow();

        assertThat(caller.crawler()).contains(new Caller.CrawlerScope(TaskId.of("child-1"),
                Optional.of(TaskId.of("parent-1"))));
    }

    @Test
    void every_replica_with_the_same_secret_verifies_and_reissues_the_same_token() {
        Task task = manualTask("task-1", "acme");
        CrawlerTokens otherReplica = CrawlerTokens.withSecret(SECRET);

        assertThat(otherReplica.issue(task)).isEqualTo(tokens.issue(task));
        assertThat(otherReplica.verify(tokens.issue(task).orElseThrow())).isPresent();
    }

    @Test
    void a_token_signed_with_another_secret_is_refused() {
        String foreign = CrawlerTokens.withSecret("another-secret-another-secret-another").issue(
                manualTask("task-1", "acme")).orElseThrow();

        assertThat(tokens.verify(foreign)).isEmpty();
    }

    @Test
    void a_token_rewritten_for_another_task_or_account_is_refused() {
        String token = tokens.issue(manualTask("task-1", "acme")).orElseThrow();
        String[] parts = token.split("\\.");
        String forged = "pct1." + b64("task\ntask-2\n\nacme") + "." + parts[2];
        String otherAccount = "pct1." + b64("task\ntask-1\n\nglobex") + "." + parts[2];

        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(tokens.verify(otherAccount)).isEmpty();
    }

    @Test
    void a_tampered_or_malformed_token_is_refused() {
        String token = tokens.issue(manualTask("task-1", "acme")).orElseThrow();
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(tokens.verify(flipped)).isEmpty();
        for (String bad : new String[] {"pct1.", "pct1..", "pct1.x.y.z", "pct1.%%%.%%%", token + ".extra",
                token.substring(0, token.lastIndexOf('.')), "pct2" + token.substring(4), ""}) {
            assertThat(tokens.verify(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void a_validly_signed_payload_of_another_shape_is_refused() {
        String payload = "pct1." + b64("account\nacme");
        String signed = payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(payload));

        assertThat(tokens.verify(signed)).isEmpty();
    }

    @Test
    void without_a_secret_no_token_is_issued_or_accepted() {
        String token = tokens.issue(manualTask("task-1", "acme")).orElseThrow();

        assertThat(CrawlerTokens.disabled().issue(manualTask("task-1", "acme"))).isEmpty();
        assertThat(CrawlerTokens.disabled().verify(token)).isEmpty();
    }

    @Test
    void a_short_secret_is_refused_without_being_shown() {
        assertThatThrownBy(() -> CrawlerTokens.withSecret("short-secret-1234"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("short-secret-1234");
        assertThat(tokens.toString()).doesNotContain(SECRET);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
