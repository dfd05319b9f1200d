package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;

/**
 * The use cases that change what the calculator must materialize, each waking the calculator of
 * this process when it succeeds: a schedule made to fire in ten seconds then fires on time instead
 * of waiting for the calculator's next idle tick. With no calculator in the process, nothing
 * happens (another process's calculator picks the change up on its next tick).
 */
final class WakingUseCases {

    private WakingUseCases() {
    }

    static ScheduleUseCase schedule(ScheduleUseCase delegate, Wakeups wakeups) {
        return (caller, command) -> {
            ScheduleUseCase.Result result = delegate.execute(caller, command);
            wakeups.calculator();
            return result;
        };
    }

    static UpdateScheduleUseCase updateSchedule(UpdateScheduleUseCase delegate, Wakeups wakeups) {
        return (caller, command) -> {
            UpdateScheduleUseCase.Result result = delegate.execute(caller, command);
            wakeups.calculator();
            return result;
        };
    }

    static UnpauseScheduleUseCase unpauseSchedule(UnpauseScheduleUseCase delegate, Wakeups wakeups) {
        return (caller, command) -> {
            UnpauseScheduleUseCase.Result result = delegate.execute(caller, command);
            wakeups.calculator();
            return result;
        };
    }
}
