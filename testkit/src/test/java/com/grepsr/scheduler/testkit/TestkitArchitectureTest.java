package com.grepsr.scheduler.testkit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The test kit wraps the in-memory scheduler for JUnit 5: no store, transport or server of its own. */
@AnalyzeClasses(packages = "com.grepsr.scheduler.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitArchitectureTest {

    @ArchTest
    static final ArchRule testkit_depends_on_memory_adapters_application_domain_and_junit_only = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "com.grepsr.scheduler.testkit..", "com.grepsr.scheduler.adapters.memory..",
                    "com.grepsr.scheduler.application..", "com.grepsr.scheduler.domain..",
                    "org.junit.jupiter.api..", "java..");
}
