package com.grepsr.scheduler.bootstrap.runtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GracefulShutdownTest {

    private final List<String> events = new ArrayList<>();

    private Service recording(String name) {
        return new Service() {
            @Override public String name() { return name; }
            @Override public void start() { events.add("start " + name); }
            @Override public void stop() { events.add("stop " + name); }
        };
    }

    @Test
    void services_stop_in_reverse_order_then_resources_close() throws Exception {
        Node node = new Node(List.of(recording("metrics"), recording("calculator"), recording("api")),
                List.of(() -> events.add("close store")));

        node.start().close();
        node.close(); // a second close (the shutdown hook after main) does nothing

        assertThat(events).containsExactly("start metrics", "start calculator", "start api", "stop api",
                "stop calculator", "stop metrics", "close store");
    }

    @Test
    void a_service_that_fails_to_start_stops_the_ones_already_started() {
        Service broken = new Service() {
            @Override public String name() { return "api"; }
            @Override public void start() { throw new IllegalStateException("port in use"); }
            @Override public void stop() { events.add("stop api"); }
        };
        Node node = new Node(List.of(recording("metrics"), broken), List.of(() -> events.add("close store")));

        assertThatThrownBy(node::start).hasMessage("port in use");
        assertThat(events).containsExactly("start metrics", "stop metrics", "close store");
    }

    @Test
    void stopping_lets_the_tick_in_flight_finish_and_starts_no_other() throws Exception {
        CountDownLatch inTick = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        DaemonService daemon = new DaemonService("calculator", Clock.systemUTC(), now -> {
            started.incrementAndGet();
            inTick.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException("a graceful stop must not interrupt a tick", e);
            }
            finished.incrementAndGet();
            return Duration.ZERO; // would tick again at once if it were still running
        }, new SimpleMeterRegistry().timer("t"), Duration.ofSeconds(1));
        Node node = new Node(List.of(daemon), List.of());
        node.start();
        assertThat(inTick.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
        Thread.sleep(100); // give a wrong close the chance to return early
        assertThat(closing).isNotDone();
        release.countDown();
        closing.get(5, TimeUnit.SECONDS);

        assertThat(finished.get()).isEqualTo(1);
        assertThat(started.get()).isEqualTo(1);
    }

    @Test
    void a_requested_stop_ends_the_wait() throws Exception {
        Shutdown shutdown = new Shutdown();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                shutdown.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        shutdown.request();

        waiting.get(5, TimeUnit.SECONDS);
    }
}
