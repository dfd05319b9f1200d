package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.grpc.MethodDescriptor;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One gRPC method ↔ one use case: every method of the SchedulerService has exactly one
 * {@code <Method>UseCase} in {@code application.port.in}, every use case there has its method, and
 * {@link SchedulerUseCases} carries each use case once — so adding either side alone fails here.
 */
class MethodsMatchUseCasesTest {

    private static final String PORT_IN = "com.grepsr.scheduler.application.port.in";

    private static Set<String> methods() {
        return SchedulerServiceGrpc.getServiceDescriptor().getMethods().stream()
                .map(MethodDescriptor::getBareMethodName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> useCases() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PORT_IN).stream()
                .filter(c -> c.getPackageName().equals(PORT_IN) && c.isTopLevelClass() && c.isInterface())
                .map(JavaClass::getSimpleName)
                .filter(n -> n.endsWith("UseCase"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void the_service_offers_the_31_methods_of_the_spec_and_get_schedule() {
        assertThat(methods()).hasSize(32).contains("OneTimeRun", "GetActiveTasksV2", "GetTaskHistoryBySchedulerId",
                "UpdateAllTaskHistoryByStatus", "GetNextSchedules", "GetSchedule");
    }

    @Test
    void every_method_has_exactly_one_use_case_and_every_use_case_a_method() {
        Set<String> expected = methods().stream().map(m -> m + "UseCase").collect(Collectors.toCollection(TreeSet::new));

        assertThat(useCases()).isNotEmpty().containsExactlyElementsOf(expected);
    }

    @Test
    void the_use_case_bundle_holds_each_use_case_once() {
        Set<String> components = Arrays.stream(SchedulerUseCases.class.getRecordComponents())
                .map(RecordComponent::getType).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(SchedulerUseCases.class.getRecordComponents()).hasSize(components.size());
        assertThat(components).containsExactlyElementsOf(useCases());
    }
}
