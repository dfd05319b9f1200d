package com.grepsr.scheduler.adapters.memory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The adapters-memory row of SPEC.md's module table: application, domain and the JDK only. */
@AnalyzeClasses(packages = "com.grepsr.scheduler.adapters.memory", importOptions = ImportOption.DoNotIncludeTests.class)
class MemoryAdapterArchitectureTest {

    @ArchTest
    static final ArchRule memory_adapters_depend_on_application_domain_and_jdk_only = classes()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.memory..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.grepsr.scheduler.adapters.memory..",
                    "com.grepsr.scheduler.application..", "com.grepsr.scheduler.domain..", "java..");
}
