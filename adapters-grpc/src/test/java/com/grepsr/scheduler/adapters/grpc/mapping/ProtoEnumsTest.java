package com.grepsr.scheduler.adapters.grpc.mapping;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.grepsr.scheduler.adapters.grpc.v1.DstGap;
import com.grepsr.scheduler.adapters.grpc.v1.DstOverlap;
import com.grepsr.scheduler.adapters.grpc.v1.HistorySource;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicyKind;
import com.grepsr.scheduler.adapters.grpc.v1.MissCause;
import com.grepsr.scheduler.adapters.grpc.v1.OverlapPolicy;
import com.grepsr.scheduler.adapters.grpc.v1.Repeat;
import com.grepsr.scheduler.adapters.grpc.v1.RunStatus;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleStatus;
import com.grepsr.scheduler.adapters.grpc.v1.StatsBasis;
import com.grepsr.scheduler.adapters.grpc.v1.TaskKind;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateOutcome;
import com.grepsr.scheduler.adapters.grpc.v1.Weekday;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.ScheduleForm;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every domain enum has its proto enum, value for value and back, plus an UNSPECIFIED zero: a
 * constant added on one side only fails here instead of as INTERNAL at run time.
 */
class ProtoEnumsTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(com.grepsr.scheduler.domain.task.TaskStatus.class, TaskStatus.getDescriptor()),
                Arguments.of(com.grepsr.scheduler.domain.task.TaskKind.class, TaskKind.getDescriptor()),
                Arguments.of(com.grepsr.scheduler.domain.schedule.ScheduleStatus.class, ScheduleStatus.getDescriptor()),
                Arguments.of(com.grepsr.scheduler.domain.schedule.OverlapPolicy.class, OverlapPolicy.getDescriptor()),
                Arguments.of(MisfirePolicy.Kind.class, MisfirePolicyKind.getDescriptor()),
                Arguments.of(ScheduleForm.Repeat.class, Repeat.getDescriptor()),
                Arguments.of(DayOfWeek.class, Weekday.getDescriptor()),
                Arguments.of(DstPolicy.Gap.class, DstGap.getDescriptor()),
                Arguments.of(DstPolicy.Overlap.class, DstOverlap.getDescriptor()),
                Arguments.of(com.grepsr.scheduler.domain.run.RunStatus.class, RunStatus.getDescriptor()),
                Arguments.of(com.grepsr.scheduler.domain.run.MissCause.class, MissCause.getDescriptor()),
                Arguments.of(TaskHistoryEntry.Source.class, HistorySource.getDescriptor()),
                Arguments.of(GetStatsUseCase.Basis.class, StatsBasis.getDescriptor()),
                Arguments.of(UpdateTaskHistoryByBatchUseCase.Outcome.class, UpdateOutcome.getDescriptor()));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    <D extends Enum<D>> void every_domain_value_maps_to_its_proto_value_and_back(Class<D> domain, EnumDescriptor proto) {
        assertThat(proto.findValueByNumber(0).getName()).endsWith("_UNSPECIFIED");
        assertThat(proto.getValues()).hasSize(domain.getEnumConstants().length + 1);
        for (D value : domain.getEnumConstants()) {
            int number = ProtoEnums.toProto(value, proto).getNumber();
            assertThat(ProtoEnums.toDomain("f", number, proto, domain)).contains(value);
        }
        assertThat(ProtoEnums.toDomain("f", 0, proto, domain)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("pairs")
    <D extends Enum<D>> void an_undefined_number_is_a_violation_of_the_field(Class<D> domain, EnumDescriptor proto) {
        assertThatThrownBy(() -> ProtoEnums.toDomain("my.field", 1000, proto, domain))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("my.field"));
    }

    @Test
    void the_prefix_is_the_enum_name_in_upper_snake_case() {
        assertThat(ProtoEnums.prefix(TaskStatus.getDescriptor())).isEqualTo("TASK_STATUS_");
        assertThat(ProtoEnums.prefix(MisfirePolicyKind.getDescriptor())).isEqualTo("MISFIRE_POLICY_KIND_");
        assertThat(ProtoEnums.prefix(DstGap.getDescriptor())).isEqualTo("DST_GAP_");
    }

    @Test
    void the_prefix_is_derived_once_per_enum_not_once_per_value_mapped() {
        // deriving it runs a regular expression; responses map enums for every task they carry
        String first = ProtoEnums.prefix(TaskKind.getDescriptor());
        assertThat(ProtoEnums.prefix(TaskKind.getDescriptor())).isSameAs(first);
    }

    @Test
    void a_constant_the_proto_enum_lacks_is_an_internal_error_not_a_neighbour() {
        // a lookup by ordinal must not hand out another constant's value
        assertThatThrownBy(() -> ProtoEnums.toProto(java.time.Month.MARCH, TaskStatus.getDescriptor()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MARCH");
    }

    @Test
    void values_nothing_produces_are_gone_and_their_numbers_reserved_so_old_clients_never_misread_them() {
        // MissCause.LAUNCH_FAILED: a refused launch dispatches its run with a FAILED task, it is no miss.
        // UpdateOutcome.ALREADY_EXISTS: a crawler's report only changes a task, it never creates one.
        assertRemovedAndReserved(MissCause.getDescriptor(), 5, "MISS_CAUSE_LAUNCH_FAILED");
        assertRemovedAndReserved(UpdateOutcome.getDescriptor(), 7, "UPDATE_OUTCOME_ALREADY_EXISTS");
    }

    private static void assertRemovedAndReserved(EnumDescriptor proto, int number, String name) {
        assertThat(proto.findValueByNumber(number)).as(name).isNull();
        assertThat(proto.toProto().getReservedRangeList())
                .anySatisfy(r -> assertThat(number).isBetween(r.getStart(), r.getEnd()));
        assertThat(proto.toProto().getReservedNameList()).contains(name);
    }
}
