package com.grepsr.scheduler.domain;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is JDK only and never reads the clock or the machine's zone: time and zones come
 * from its callers, so the same input gives the same answer on every machine and in every test.
 */
@AnalyzeClasses(packages = "com.grepsr.scheduler.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    private static final String DOMAIN = "com.grepsr.scheduler.domain..";

    /** The java.time types whose static {@code now()} reads the system clock. */
    private static final Set<String> CLOCK_READERS = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    @ArchTest
    static final ArchRule domain_classes_depend_only_on_the_jdk_and_the_domain_itself =
            classes().that().resideInAPackage(DOMAIN)
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN);

    @ArchTest
    static final ArchRule the_domain_never_reads_the_system_clock =
            noClasses().that().resideInAPackage(DOMAIN)
                    .should().callMethodWhere(readsTheSystemClock())
                    .because("time comes from an injected Clock, passed in as an Instant");

    @ArchTest
    static final ArchRule the_domain_never_falls_back_to_the_system_default_zone =
            noClasses().that().resideInAPackage(DOMAIN)
                    .should().callMethod(java.time.ZoneId.class, "systemDefault")
                    .orShould().callMethod(java.util.TimeZone.class, "getDefault")
                    .because("every schedule names its zone; the machine's zone is nobody's wall clock");

    @ArchTest
    static final ArchRule the_domain_does_not_use_the_old_date_types_or_jdbc =
            noClasses().that().resideInAPackage(DOMAIN)
                    .should().dependOnClassesThat().belongToAnyOf(java.util.Date.class, java.util.Calendar.class,
                            java.util.TimeZone.class)
                    .orShould().dependOnClassesThat().resideInAPackage("java.sql..");

    @ArchTest
    static final ArchRule the_due_run_decision_does_no_io =
            noClasses().that().haveSimpleNameStartingWith("DueRun")
                    .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                            "java.sql..", "java.util.concurrent..")
                    .because("the processor's rule is a pure function of what it is given: tested without stores");

    private static DescribedPredicate<JavaCall<?>> readsTheSystemClock() {
        return new DescribedPredicate<>("a call that reads the system clock (now(), Clock.system*(), "
                + "System.currentTimeMillis())") {
            @Override
            public boolean test(JavaCall<?> call) {
                String owner = call.getTarget().getOwner().getName();
                String name = call.getTarget().getName();
                return (CLOCK_READERS.contains(owner) && name.equals("now"))
                        || (owner.equals("java.time.Clock") && name.startsWith("system"))
                        || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"));
            }
        };
    }
}
