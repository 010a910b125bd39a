package io.mspcs.cadence;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** architecture.md §12: plain-Java domain; business time only from the injected clock. */
class ArchitectureTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mspcs.cadence");

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..",
                        "io.smallrye..", "com.fasterxml.jackson..", "io.mspcs.contracts..", "io.mspcs.outbox..")
                .check(main);
    }

    @Test
    void mainCodeNeverReadsTheSystemClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .check(main);
    }
}
