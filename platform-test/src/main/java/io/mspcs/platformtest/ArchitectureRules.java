package io.mspcs.platformtest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (architecture.md §4, §12): domain logic is plain Java, business time comes
 * from the injected clock, never from the system, and database work runs in tenant-scoped transactions.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void check(String basePackage) {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        domainIsPlainJava().check(main);
        timeComesFromTheClock().check(main);
        transactionsCarryTheTenantScope().check(main);
    }

    static ArchRule domainIsPlainJava() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "io.smallrye.mutiny..", "com.fasterxml.jackson..", "org.hibernate..", "io.vertx..",
                        "jakarta.ws.rs..", "jakarta.enterprise..")
                .because("domain rules are plain Java, tested without frameworks");
    }

    /**
     * Row-level security needs every statement inside a transaction that set the tenant (gateway.md §2.2 #4):
     * {@code @WithTransaction} or {@code TenantTransactions.inTransaction}, never a bare session.
     */
    static ArchRule transactionsCarryTheTenantScope() {
        return noClasses().should().callMethod("io.quarkus.hibernate.reactive.panache.Panache", "withTransaction",
                        "java.util.function.Supplier")
                .orShould().callMethod("io.quarkus.hibernate.reactive.panache.Panache", "withSession",
                        "java.util.function.Supplier")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("io.quarkus.hibernate.reactive.panache.common.WithSession")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("io.quarkus.hibernate.reactive.panache.common.WithSessionOnDemand")
                .because("a session or transaction that did not set app.tenant_id sees no tenant rows; use "
                        + "@WithTransaction or TenantTransactions.inTransaction");
    }

    static ArchRule timeComesFromTheClock() {
        return noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .because("tests move the injected Clock; the system clock would escape them");
    }
}
