package com.grepsr.scheduler.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The bootstrap's rows of the module table, checked over the whole classpath (every module's
 * main classes are on it here): only the bootstrap sees everything and holds Dagger modules,
 * and no adapter reaches into another.
 */
@AnalyzeClasses(packages = "com.grepsr.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dagger_modules_live_only_in_the_bootstrap = classes()
            .that().areAnnotatedWith(dagger.Module.class)
            .should().resideInAPackage("com.grepsr.scheduler.bootstrap..");

    @ArchTest
    static final ArchRule dagger_components_live_only_in_the_bootstrap = classes()
            .that().areAnnotatedWith(dagger.Component.class)
            .should().resideInAPackage("com.grepsr.scheduler.bootstrap..");

    @ArchTest
    static final ArchRule nothing_outside_the_bootstrap_depends_on_it = noClasses()
            .that().resideOutsideOfPackage("com.grepsr.scheduler.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("com.grepsr.scheduler.bootstrap..");

    @ArchTest
    static final ArchRule the_application_and_domain_use_no_dependency_injection = noClasses()
            .that().resideInAnyPackage("com.grepsr.scheduler.domain..", "com.grepsr.scheduler.application..")
            .should().dependOnClassesThat().resideInAnyPackage("dagger..", "jakarta.inject..", "javax.inject..");

    @ArchTest
    static final SliceRule no_adapter_depends_on_another_adapter = slices()
            .matching("com.grepsr.scheduler.adapters.(*)..")
            .should().notDependOnEachOther();

    /**
     * The proto's generated classes keep their historical package (…adapters.grpc.v1) but live in
     * the client library: they are the API, not an adapter, so the client may use them.
     */
    @ArchTest
    static final ArchRule only_the_bootstrap_chooses_adapters = noClasses()
            .that().resideOutsideOfPackages("com.grepsr.scheduler.bootstrap..", "com.grepsr.scheduler.benchmarks..",
                    "com.grepsr.scheduler.adapters..")
            .should().dependOnClassesThat(resideInAPackage("com.grepsr.scheduler.adapters..")
                    .and(not(resideInAPackage("com.grepsr.scheduler.adapters.grpc.v1.."))));
}
