package com.grepsr.scheduler.adapters.grpc;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The adapters-grpc row of SPEC.md's module table: the use cases' inbound side, the application
 * model and the domain, the client library (the API's generated classes and the Java client), gRPC/protobuf/Google libraries and the JDK — never an application service,
 * never another adapter. Only the client (the processor's trigger) implements an outbound port.
 */
@AnalyzeClasses(packages = "com.grepsr.scheduler.adapters.grpc",
        importOptions = {ImportOption.DoNotIncludeTests.class, GrpcAdapterArchitectureTest.NotGenerated.class})
class GrpcAdapterArchitectureTest {

    /** The generated v1 classes are protoc's, not ours (and slow to import): the rules check what we write. */
    static final class NotGenerated implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/com/grepsr/scheduler/adapters/grpc/v1/");
        }
    }

    @ArchTest
    static final ArchRule grpc_adapter_depends_on_use_cases_domain_and_grpc_libraries_only = classes()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.grpc..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "com.grepsr.scheduler.adapters.grpc..",
                    "com.grepsr.scheduler.client..",
                    "com.grepsr.scheduler.application.port.in..",
                    "com.grepsr.scheduler.application.port.out..",
                    "com.grepsr.scheduler.application.model..",
                    "com.grepsr.scheduler.domain..",
                    "io.grpc..", "com.google..", "java..", "javax..");

    @ArchTest
    static final ArchRule grpc_adapter_never_reaches_application_services_or_other_adapters = noClasses()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.grpc..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.grepsr.scheduler.application", "com.grepsr.scheduler.application.schedule..",
                    "com.grepsr.scheduler.application.run..", "com.grepsr.scheduler.application.task..",
                    "com.grepsr.scheduler.application.history..", "com.grepsr.scheduler.application.daemon..",
                    "com.grepsr.scheduler.application.common..",
                    "com.grepsr.scheduler.adapters.memory..", "com.grepsr.scheduler.adapters.sql..",
                    "com.grepsr.scheduler.adapters.k8s..", "com.grepsr.scheduler.adapters.dynamo..",
                    "com.grepsr.scheduler.bootstrap..");

    @ArchTest
    static final ArchRule only_the_client_implements_an_outbound_port = noClasses()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.grpc..")
            .and().resideOutsideOfPackage("com.grepsr.scheduler.adapters.grpc.client..")
            .should().dependOnClassesThat().resideInAPackage("com.grepsr.scheduler.application.port.out..");
}
