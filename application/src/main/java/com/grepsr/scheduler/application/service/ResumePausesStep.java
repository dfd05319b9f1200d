package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Instant;

/** Reconciler step: resumes schedules whose pause-until has passed, as UnpauseSchedule would. */
final class ResumePausesStep {

    private final ScheduleStorePort schedules;
    private final UnpauseScheduleUseCase unpause;

    ResumePausesStep(ScheduleStorePort schedules, UnpauseScheduleUseCase unpause) {
        this.schedules = schedules;
        this.unpause = unpause;
    }

    /** How many schedules it resumed. */
    int run(Instant now) {
        int resumed = 0;
        for (Schedule s : schedules.findPausedUntil(now, ReconcilerDaemon.PAGE)) {
            if (Races.ignoringRaces(() -> unpause.execute(Caller.system(), new UnpauseScheduleUseCase.Command(s.id())))) {
                resumed++;
            }
        }
        return resumed;
    }
}
