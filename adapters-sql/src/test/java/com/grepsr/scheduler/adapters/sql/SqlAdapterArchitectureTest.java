package com.grepsr.scheduler.adapters.sql;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.jooq.SQLDialect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The adapters-sql row of SPEC.md's module table: application, domain, the JDK, and the SQL
 * libraries (jOOQ, Flyway, HikariCP, JDBC); never another adapter or the bootstrap.
 */
@AnalyzeClasses(packages = "com.grepsr.scheduler.adapters.sql", importOptions = ImportOption.DoNotIncludeTests.class)
class SqlAdapterArchitectureTest {

    @ArchTest
    static final ArchRule sql_adapters_depend_on_application_domain_jdk_and_sql_libraries_only = classes()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.sql..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.grepsr.scheduler.adapters.sql..",
                    "com.grepsr.scheduler.application..", "com.grepsr.scheduler.domain..", "java..", "javax.sql..",
                    "org.jooq..", "org.flywaydb..", "com.zaxxer.hikari..");

    @ArchTest
    static final ArchRule sql_adapters_never_use_another_adapter_or_the_bootstrap = noClasses()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.sql..")
            .should().dependOnClassesThat().resideInAnyPackage("com.grepsr.scheduler.adapters.memory..",
                    "com.grepsr.scheduler.adapters.k8s..", "com.grepsr.scheduler.adapters.dynamo..",
                    "com.grepsr.scheduler.adapters.grpc..", "com.grepsr.scheduler.bootstrap..");

    @ArchTest
    static final ArchRule stores_do_not_read_the_system_clock = noClasses()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.sql..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.ZoneId.class, "systemDefault");

    /**
     * What differs between the databases is asked of the vendor's {@code VendorStrategy}: the
     * dialect is named once, in {@link SqlVendor}, and nothing branches on a jOOQ context's dialect.
     */
    @ArchTest
    static final ArchRule only_sql_vendor_names_a_dialect_and_nothing_branches_on_one = noClasses()
            .that().resideInAPackage("com.grepsr.scheduler.adapters.sql..")
            .and().doNotBelongToAnyOf(SqlVendor.class)
            .should().accessFieldWhere(DescribedPredicate.describe("a SQLDialect constant",
                    (JavaFieldAccess access) -> access.getTargetOwner().isEquivalentTo(SQLDialect.class)))
            .orShould().callMethodWhere(DescribedPredicate.describe("a jOOQ dialect() (ask the VendorStrategy)",
                    (JavaMethodCall call) -> call.getName().equals("dialect")
                            && call.getTargetOwner().getPackageName().startsWith("org.jooq")));
}
