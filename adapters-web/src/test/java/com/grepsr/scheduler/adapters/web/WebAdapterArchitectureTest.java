package com.grepsr.scheduler.adapters.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The adapters-web row of SPEC.md's module table: an inbound adapter on the use cases' inbound
 * side, the application model and the domain, Javalin and jte, and the JDK — never an outbound
 * port, an application service or another adapter: no second path to the stores.
 */
@AnalyzeClasses(packages = "com.grepsr.scheduler.adapters.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebAdapterArchitectureTest {

    @ArchTest
    static final ArchRule web_adapter_depends_on_use_cases_domain_and_its_web_libraries_only = classes()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.web..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "com.grepsr.scheduler.adapters.web..",
                    "com.grepsr.scheduler.application.port.in..",
                    "com.grepsr.scheduler.application.model..",
                    "com.grepsr.scheduler.domain..",
                    "io.javalin..", "gg.jte..", "kotlin..", "java..", "javax..");

    @ArchTest
    static final ArchRule web_adapter_never_reaches_stores_services_or_other_adapters = noClasses()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.web..")
            .should().dependOnClassesThat().resideInAnyPackage("com.grepsr.scheduler.application.port.out..",
                    "com.grepsr.scheduler.application", "com.grepsr.scheduler.application.schedule..",
                    "com.grepsr.scheduler.application.run..", "com.grepsr.scheduler.application.task..",
                    "com.grepsr.scheduler.application.history..", "com.grepsr.scheduler.application.daemon..",
                    "com.grepsr.scheduler.application.common..",
                    "com.grepsr.scheduler.adapters.memory..",
                    "com.grepsr.scheduler.adapters.sql..", "com.grepsr.scheduler.adapters.grpc..",
                    "com.grepsr.scheduler.adapters.k8s..", "com.grepsr.scheduler.adapters.dynamo..",
                    "com.grepsr.scheduler.bootstrap..");
}
