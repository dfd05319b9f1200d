package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.GetScheduleUseCase;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.bootstrap.Fixtures;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default store is an H2 file: what one process wrote, the next one reads. */
class EmbeddedStoreTest {

    @TempDir
    Path dir;

    @Test
    void a_schedule_survives_a_restart_of_the_process_on_the_h2_file() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/phoenix");
        ScheduleId id;
        SchedulerComponent first = DaggerSchedulerComponent.factory().create(Fixtures.settings("PHOENIX_DB_URL", url),
                Clock.systemUTC());
        assertThat(first.ports().schedules().getClass().getPackageName()).isEqualTo(SqlAdapters.class.getPackageName());
        try (var node = first.node().start()) {
            id = first.core().useCases().schedule().execute(Caller.admin("test"), ScheduleUseCase.Command.of("hourly",
                    ReportRef.of("report-1", "project-1", "acme", "demo"),
                    TimingInput.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), "UTC",
                            LocalDateTime.now(ZoneOffset.UTC).withNano(0).plusMinutes(5)))).schedule().id();
        }

        SchedulerComponent second = DaggerSchedulerComponent.factory().create(Fixtures.settings("PHOENIX_DB_URL", url),
                Clock.systemUTC());
        try (var node = second.node().start()) {
            assertThat(second.core().useCases().getSchedule().execute(Caller.admin("test"), new GetScheduleUseCase.Query(id))
                    .schedule().schedule().name()).isEqualTo("hourly");
        }
    }
}
