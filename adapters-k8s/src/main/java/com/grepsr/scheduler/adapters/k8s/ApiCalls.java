package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.adapters.k8s.RbacRequirements.Rule;
import com.grepsr.scheduler.application.retry.Backoff;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Every API call the launcher makes goes through here: it waits for the rate limiter, retries
 * what a retry can fix (429, 5xx, connection errors) with exponential backoff for a bounded number
 * of attempts, and turns 403 into a {@link KubernetesAccessDeniedException} that names what RBAC
 * forbids. Other errors (404, 409, 422 …) reach the caller unchanged: they mean something there.
 *
 * <p>Each retry passes the limiter again, which is why fabric8's own request retry is switched
 * off in the client this adapter builds ({@link KubernetesAdapters}).
 */
final class ApiCalls {

    /** How often and how patiently to retry. */
    record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            backoff(initialBackoff, maxBackoff); // validates
        }

        /** The pause before attempt {@code attempt + 1}: doubling, capped, with jitter in its upper half. */
        long backoffNanos(int attempt) {
            return backoff(initialBackoff, maxBackoff).delay(attempt).toNanos();
        }

        // jitter spreads the retries of several replicas hit by the same 429
        private static Backoff backoff(Duration initial, Duration max) {
            return Backoff.doubling(initial, max).withJitter(Backoff.EQUAL_JITTER);
        }
    }

    private final TokenBucket limiter;
    private final RetryPolicy retry;
    private final TokenBucket.Sleeper sleeper;
    private final String namespace;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    ApiCalls(TokenBucket limiter, RetryPolicy retry, TokenBucket.Sleeper sleeper, String namespace) {
        this.limiter = limiter;
        this.retry = retry;
        this.sleeper = sleeper;
        this.namespace = namespace;
    }

    /**
     * Runs {@code request} ({@code verb} on {@code rule}'s resource) under the limiter with retries.
     *
     * @throws KubernetesAccessDeniedException on 403
     * @throws KubernetesClientException       what is not retryable, or the last failure when
     *                                         attempts ran out
     */
    <T> T call(Rule rule, String verb, Supplier<T> request) {
        rule.require(verb);
        for (int attempt = 1; ; attempt++) {
            waitForPermit();
            requests.incrementAndGet();
            try {
                return request.get();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 403) {
                    throw new KubernetesAccessDeniedException(verb, rule.qualifiedResource(), namespace, e);
                }
                if (!retryable(e) || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                retries.incrementAndGet();
                pause(retry.backoffNanos(attempt));
            }
        }
    }

    /** Requests sent, retries included (for tests and metrics). */
    long requests() {
        return requests.get();
    }

    /** Requests that were retried. */
    long retries() {
        return retries.get();
    }

    String namespace() {
        return namespace;
    }

    static boolean retryable(KubernetesClientException e) {
        int code = e.getCode();
        if (code == 429 || (code >= 500 && code != 501)) {
            return true;
        }
        // no HTTP status: the request never got an answer (refused, reset, timed out)
        return code <= 0 && causedByIo(e);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return false;
            }
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void waitForPermit() {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while waiting for the API rate limiter", e);
        }
    }

    private void pause(long nanos) {
        try {
            sleeper.sleepNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while waiting to call the Kubernetes API", e);
        }
    }
}
