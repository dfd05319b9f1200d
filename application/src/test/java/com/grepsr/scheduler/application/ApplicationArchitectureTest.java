package com.grepsr.scheduler.application;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The application row of SPEC.md's module table: it sees the domain and the JDK, nothing else
 * ({@code javax.crypto} is the JDK's HMAC, which crawler tokens are signed with).
 */
@AnalyzeClasses(packages = "com.grepsr.scheduler.application", importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationArchitectureTest {

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_the_jdk = classes()
            .that().resideInAPackage("com.grepsr.scheduler.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("com.grepsr.scheduler.application..", "com.grepsr.scheduler.domain..", "java..",
                    "javax.crypto..");

    @ArchTest
    static final ArchRule outbound_ports_are_named_port = classes()
            .that().resideInAPackage("..application.port.out..").and().areTopLevelClasses()
            .should().haveSimpleNameEndingWith("Port");

    @ArchTest
    static final ArchRule outbound_ports_are_interfaces = classes()
            .that().resideInAPackage("..application.port.out..").and().areTopLevelClasses()
            .should().beInterfaces();

    @ArchTest
    static final ArchRule use_cases_are_named_use_case = classes()
            .that().resideInAPackage("..application.port.in..").and().areTopLevelClasses()
            .and().doNotHaveSimpleName("SchedulerUseCases") // the record of them all, one per method
            .should().haveSimpleNameEndingWith("UseCase").andShould().beInterfaces();

    @ArchTest
    static final ArchRule ports_do_not_know_the_services = noClasses()
            .that().resideInAPackage("..application.port..")
            .should().dependOnClassesThat().resideInAPackage("..application.service..");

    @ArchTest
    static final ArchRule services_read_time_only_from_an_injected_clock = noClasses()
            .that().resideInAPackage("com.grepsr.scheduler.application..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.ZoneId.class, "systemDefault");
}
