package com.grepsr.scheduler.adapters.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retry decisions and backoff of {@link ApiCalls}, on a fake clock. */
class ApiCallsTest {

    private long now;
    private final List<Long> pauses = new ArrayList<>();
    private final ApiCalls api = new ApiCalls(new TokenBucket(1000, 1000, () -> now, n -> now += n),
            new ApiCalls.RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(800)),
            n -> {
                pauses.add(n);
                now += n;
            }, "crawlers");

    @Test
    void a_refused_connection_is_retried_with_growing_pauses() {
        AtomicInteger calls = new AtomicInteger();
        String result = api.call(RbacRequirements.JOBS, "create", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new KubernetesClientException("connect failed", new ConnectException("Connection refused"));
            }
            return "created";
        });
        assertThat(result).isEqualTo("created");
        assertThat(pauses).hasSize(3);
        // each pause lies in the upper half of 100, 200, 400 ms
        assertThat(pauses.get(0)).isBetween(50_000_000L, 100_000_000L);
        assertThat(pauses.get(1)).isBetween(100_000_000L, 200_000_000L);
        assertThat(pauses.get(2)).isBetween(200_000_000L, 400_000_000L);
    }

    @Test
    void pauses_never_exceed_the_maximum_backoff() {
        ApiCalls.RetryPolicy policy = new ApiCalls.RetryPolicy(100, Duration.ofMillis(100), Duration.ofMillis(800));
        for (int attempt = 1; attempt < 100; attempt++) {
            assertThat(policy.backoffNanos(attempt)).isLessThanOrEqualTo(800_000_000L);
        }
    }

    @Test
    void client_errors_are_not_retried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> api.call(RbacRequirements.JOBS, "create", () -> {
            calls.incrementAndGet();
            throw new KubernetesClientException("bad", 422, null);
        })).isInstanceOf(KubernetesClientException.class);
        assertThat(calls).hasValue(1);
        assertThat(ApiCalls.retryable(new KubernetesClientException("nope", 501, null))).isFalse();
        assertThat(ApiCalls.retryable(new KubernetesClientException("local bug", new IllegalStateException()))).isFalse();
    }

    @Test
    void a_verb_missing_from_the_rbac_list_is_a_programming_error() {
        assertThatThrownBy(() -> api.call(RbacRequirements.JOBS, "patch", () -> "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RbacRequirements");
    }
}
