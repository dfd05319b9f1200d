package com.grepsr.scheduler.client;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * What other apps get from the client library: gRPC, protobuf (and the Google libraries they bring)
 * and the JDK — never the server, the application or the domain. The pom's enforcer rule says the
 * same of the dependencies; this says it of the code, generated classes included.
 */
@AnalyzeClasses(packages = {"com.grepsr.scheduler.client", "com.grepsr.scheduler.adapters.grpc.v1"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {

    @ArchTest
    static final ArchRule client_depends_on_grpc_and_protobuf_only = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "com.grepsr.scheduler.client..", "com.grepsr.scheduler.adapters.grpc.v1..",
                    "io.grpc..", "com.google..", "java..", "javax..");
}
