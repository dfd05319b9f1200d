package com.grepsr.scheduler.examples;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Each example uses what its way of reuse offers, and no app needs the bootstrap or Dagger. */
@AnalyzeClasses(packages = "com.grepsr.scheduler.examples", importOptions = ImportOption.DoNotIncludeTests.class)
class ExamplesArchitectureTest {

    @ArchTest
    static final ArchRule a_client_app_needs_the_client_library_only = classes()
            .that().resideInAPackage("..examples.client..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..examples.client..",
                    "com.grepsr.scheduler.client..", "com.grepsr.scheduler.adapters.grpc.v1..",
                    "io.grpc..", "com.google..", "java..");

    @ArchTest
    static final ArchRule no_app_needs_the_bootstrap_or_dagger = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.grepsr.scheduler.bootstrap..", "dagger..");
}
