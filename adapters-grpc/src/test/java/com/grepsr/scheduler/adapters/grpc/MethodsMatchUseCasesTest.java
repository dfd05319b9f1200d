package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.grpc.MethodDescriptor;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One gRPC method ↔ one use case ↔ one service: every method of the SchedulerService has exactly
 * one {@code <Method>UseCase} in {@code application.port.in}, every use case there has its method,
 * {@link SchedulerUseCases} carries each use case once, and each is implemented by exactly one
 * {@code <Method>Service} in a feature package — so from a method's name a reader finds its code.
 */
class MethodsMatchUseCasesTest {

    private static final String APPLICATION = "com.grepsr.scheduler.application";
    private static final String PORT_IN = APPLICATION + ".port.in";
    private static final Set<String> FEATURE_PACKAGES =
            Set.of(APPLICATION + ".schedule", APPLICATION + ".run", APPLICATION + ".task",
                    APPLICATION + ".task.multiprocess", APPLICATION + ".history");

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

    @Test
    void every_use_case_is_implemented_once_by_its_methods_service_in_a_feature_package() {
        JavaClasses application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(APPLICATION);
        for (String method : methods()) {
            String useCase = PORT_IN + "." + method + "UseCase";
            List<JavaClass> implementations = application.stream()
                    .filter(c -> !c.isInterface() && !c.getName().equals(useCase) && c.isAssignableTo(useCase))
                    .toList();

            assertThat(implementations).as("implementations of " + useCase).singleElement().satisfies(c -> {
                assertThat(c.getSimpleName()).isEqualTo(method + "Service");
                assertThat(FEATURE_PACKAGES).contains(c.getPackageName());
            });
        }
    }
}
