package com.grepsr.scheduler.domain.task;

import com.grepsr.scheduler.domain.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static com.grepsr.scheduler.domain.DomainFixtures.manualTaskIn;
import static com.grepsr.scheduler.domain.DomainFixtures.noMetadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskHistoryEntryTest {

    @Test
    void an_entry_records_the_state_of_its_task() {
        Task running = manualTaskIn(TaskStatus.RUNNING);

        TaskHistoryEntry entry = TaskHistoryEntry.of(running, Map.of("rows", "120"), TaskHistoryEntry.Source.CRAWLER, NOW);

        assertThat(entry.sequence()).isZero();
        assertThat(entry.taskId()).isEqualTo(running.id());
        assertThat(entry.scheduleId()).isNull();
        assertThat(entry.accountId()).isEqualTo(anyReport().accountId());
        assertThat(entry.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(entry.progress()).isEqualTo(40);
        assertThat(entry.message()).isEqualTo("stored");
        assertThat(entry.metadata()).containsExactly(Map.entry("rows", "120"));
        assertThat(entry.source()).isEqualTo(TaskHistoryEntry.Source.CRAWLER);
        assertThat(entry.at()).isEqualTo(NOW);
    }

    @Test
    void the_store_gives_an_entry_its_sequence() {
        TaskHistoryEntry entry = TaskHistoryEntry.of(manualTaskIn(TaskStatus.RUNNING), noMetadata(),
                TaskHistoryEntry.Source.SCHEDULER, NOW);

        assertThat(entry.withSequence(42)).isEqualTo(new TaskHistoryEntry(42, entry.taskId(), null, entry.accountId(),
                entry.status(), entry.progress(), entry.message(), entry.metadata(), entry.source(), entry.at()));
    }

    @Test
    void metadata_values_are_kept_as_checked_a_missing_value_is_empty_and_blanks_are_trimmed() {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("exit_code", null);
        metadata.put("job", "  crawler-job-1 ");

        TaskHistoryEntry entry = TaskHistoryEntry.of(manualTaskIn(TaskStatus.RUNNING), metadata,
                TaskHistoryEntry.Source.LAUNCHER, NOW);

        assertThat(entry.metadata()).containsEntry("exit_code", "").containsEntry("job", "crawler-job-1");
    }

    @Test
    void too_much_metadata_is_rejected() {
        Map<String, String> metadata = new HashMap<>();
        for (int i = 0; i <= TaskHistoryEntry.MAX_METADATA; i++) {
            metadata.put("k" + i, "v");
        }

        assertThatThrownBy(() -> TaskHistoryEntry.of(manualTaskIn(TaskStatus.RUNNING), metadata,
                TaskHistoryEntry.Source.CRAWLER, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("metadata"));
    }

    @Test
    void a_metadata_key_must_be_an_identifier_and_a_value_bounded() {
        assertThatThrownBy(() -> TaskHistoryEntry.of(manualTaskIn(TaskStatus.RUNNING), Map.of("bad key", "v"),
                TaskHistoryEntry.Source.CRAWLER, NOW)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TaskHistoryEntry.of(manualTaskIn(TaskStatus.RUNNING),
                Map.of("log", "x".repeat(TaskHistoryEntry.MAX_METADATA_VALUE + 1)), TaskHistoryEntry.Source.CRAWLER, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("metadata.log"));
    }
}
