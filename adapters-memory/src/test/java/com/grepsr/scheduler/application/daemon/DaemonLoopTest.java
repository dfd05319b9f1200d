package com.grepsr.scheduler.application.daemon;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonLoopTest {

    @Test
    void wake_up_ends_a_long_sleep_early() throws Exception {
        CountDownLatch second = new CountDownLatch(2);
        try (DaemonLoop loop = new DaemonLoop("test", Clock.systemUTC(), now -> {
            second.countDown();
            return Duration.ofHours(1);
        }, Duration.ofSeconds(1)).start()) {
            Thread.sleep(50);
            loop.wakeUp();
            assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void a_failing_tick_is_retried_and_the_loop_survives() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch recovered = new CountDownLatch(1);
        try (DaemonLoop loop = new DaemonLoop("flaky", Clock.systemUTC(), now -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database down");
            }
            recovered.countDown();
            return Duration.ofHours(1);
        }, Duration.ofMillis(200)).start()) {
            assertThat(recovered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(loop.failures()).isEqualTo(2);
        }
    }

    @Test
    void close_lets_the_tick_in_flight_finish_and_stops_the_thread() throws Exception {
        CountDownLatch inTick = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        DaemonLoop loop = new DaemonLoop("slow", Clock.systemUTC(), now -> {
            inTick.countDown();
            sleep(200);
            finished.incrementAndGet();
            return Duration.ZERO;
        }, Duration.ofSeconds(1)).start();
        assertThat(inTick.await(5, TimeUnit.SECONDS)).isTrue();
        loop.close();
        int afterClose = finished.get();
        assertThat(afterClose).isGreaterThanOrEqualTo(1);
        sleep(300);
        assertThat(finished.get()).isEqualTo(afterClose);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
