package com.grepsr.scheduler.adapters.k8s;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The adapters-k8s row of SPEC.md's module table: application, domain, the JDK and fabric8. */
@AnalyzeClasses(packages = "com.grepsr.scheduler.adapters.k8s", importOptions = ImportOption.DoNotIncludeTests.class)
class KubernetesAdapterArchitectureTest {

    @ArchTest
    static final ArchRule kubernetes_adapters_depend_on_application_domain_jdk_and_fabric8_only = classes()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.k8s..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.grepsr.scheduler.adapters.k8s..",
                    "com.grepsr.scheduler.application..", "com.grepsr.scheduler.domain..", "java..", "io.fabric8..");

    @ArchTest
    static final ArchRule kubernetes_adapters_never_depend_on_another_adapter = noClasses()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.k8s..")
            .should().dependOnClassesThat().resideInAnyPackage("com.grepsr.scheduler.adapters.memory..",
                    "com.grepsr.scheduler.adapters.sql..", "com.grepsr.scheduler.adapters.dynamo..",
                    "com.grepsr.scheduler.adapters.grpc..", "com.grepsr.scheduler.bootstrap..");
}
