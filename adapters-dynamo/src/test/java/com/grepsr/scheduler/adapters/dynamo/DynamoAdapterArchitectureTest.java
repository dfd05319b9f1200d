package com.grepsr.scheduler.adapters.dynamo;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The adapters-dynamo row of SPEC.md's module table: application, domain, the JDK and the AWS SDK only. */
@AnalyzeClasses(packages = "com.grepsr.scheduler.adapters.dynamo", importOptions = ImportOption.DoNotIncludeTests.class)
class DynamoAdapterArchitectureTest {

    @ArchTest
    static final ArchRule dynamo_adapters_depend_on_application_domain_jdk_and_aws_sdk_only = classes()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.dynamo..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.grepsr.scheduler.adapters.dynamo..",
                    "com.grepsr.scheduler.application..", "com.grepsr.scheduler.domain..", "java..",
                    "software.amazon.awssdk..");
}
