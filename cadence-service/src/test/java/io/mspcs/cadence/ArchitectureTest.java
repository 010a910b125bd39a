package io.mspcs.cadence;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mspcs.platformtest.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** architecture.md §12: the rules every service keeps, and cadence's stricter domain boundary. */
class ArchitectureTest {

    @Test
    void sharedRulesHold() {
        ArchitectureRules.check("io.mspcs.cadence");
    }

    @Test
    void domainKnowsNeitherTheEventContractsNorTheOutbox() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mspcs.cadence");
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.mspcs.contracts..", "io.mspcs.outbox..")
                .check(main);
    }
}
