package com.grepsr.scheduler.testkit;

import com.grepsr.scheduler.application.time.SettableClock;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Instant;
import java.util.Objects;

/**
 * Hands each test a fresh {@link TestScheduler} (or its {@link SettableClock})
 * as a parameter: nothing is shared between tests, nothing runs in the background, time moves
 * only when the test says so.
 *
 * <pre>{@code
 * @ExtendWith(SchedulerExtension.class)          // starts at DEFAULT_START
 * class ReportSchedulingTest {
 *     @Test
 *     void hourly_reports_run_every_hour(TestScheduler scheduler) { ... }
 * }
 *
 * @RegisterExtension                               // or at an instant of the test's choosing
 * static final SchedulerExtension SCHEDULER = SchedulerExtension.startingAt(Instant.parse("2027-03-28T00:00:00Z"));
 * }</pre>
 *
 * Within one test, every parameter of these types is the same scheduler and clock.
 */
public final class SchedulerExtension implements ParameterResolver {

    /** Where the clock starts unless the test says otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SchedulerExtension.class);

    private final Instant start;

    /** Starts each test's clock at {@link #DEFAULT_START}. */
    public SchedulerExtension() {
        this(DEFAULT_START);
    }

    private SchedulerExtension(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    public static SchedulerExtension startingAt(Instant start) {
        return new SchedulerExtension(start);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestScheduler.class || type == SettableClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestScheduler scheduler = context.getStore(NAMESPACE).getOrComputeIfAbsent(TestScheduler.class,
                k -> TestScheduler.startingAt(start), TestScheduler.class);
        return parameter.getParameter().getType() == TestScheduler.class ? scheduler : scheduler.clock();
    }
}
