package com.grepsr.scheduler.adapters.grpc.service;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Every call ends in exactly one of onNext+onCompleted or onError; work a client gave up on is not started. */
class UnaryCallsTest {

    private static final class Recorder implements StreamObserver<String> {
        final List<String> values = new ArrayList<>();
        Throwable error;
        boolean completed;

        @Override
        public void onNext(String value) {
            values.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }

        Status.Code code() {
            return Status.fromThrowable(error).getCode();
        }
    }

    @Test
    void a_result_is_sent_and_the_call_completed() {
        Recorder out = new Recorder();

        UnaryCalls.respond(out, () -> "done");

        assertThat(out.values).containsExactly("done");
        assertThat(out.completed).isTrue();
        assertThat(out.error).isNull();
    }

    @Test
    void work_past_its_deadline_is_not_started() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean ran = new AtomicBoolean();
        Recorder out = new Recorder();
        try {
            Context.CancellableContext expired = Context.current()
                    .withDeadline(Deadline.after(1, TimeUnit.NANOSECONDS), timer);
            Thread.sleep(5);
            expired.run(() -> UnaryCalls.respond(out, () -> {
                ran.set(true);
                return "late";
            }));
            expired.cancel(null);
        } finally {
            timer.shutdownNow();
        }

        assertThat(ran).isFalse();
        assertThat(out.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    }

    @Test
    void work_of_a_cancelled_call_is_not_started() {
        AtomicBoolean ran = new AtomicBoolean();
        Recorder out = new Recorder();
        Context.CancellableContext cancelled = Context.current().withCancellation();
        cancelled.cancel(null);

        cancelled.run(() -> UnaryCalls.respond(out, () -> {
            ran.set(true);
            return "unwanted";
        }));

        assertThat(ran).isFalse();
        assertThat(out.code()).isEqualTo(Status.Code.CANCELLED);
    }

    @Test
    void a_handler_never_throws_not_even_an_error() {
        Recorder out = new Recorder();

        UnaryCalls.respond(out, () -> {
            throw new AssertionError("a bug");
        });

        assertThat(out.code()).isEqualTo(Status.Code.INTERNAL);
        assertThat(out.values).isEmpty();
    }
}
