package io.mspcs.gateway;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mspcs.gateway.repository.ScopedDatabase;
import io.mspcs.platformtest.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    @Test
    void domainIsPlainJavaAndTimeComesFromTheClock() {
        ArchitectureRules.check("io.mspcs.gateway");
    }

    @Test
    void onlyTheScopedDatabaseTouchesThePoolSoEveryStatementRunsUnderATenantScope() {
        noClasses().that().doNotHaveFullyQualifiedName(ScopedDatabase.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName("io.vertx.mutiny.sqlclient.Pool")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.vertx.sqlclient.Pool")
                .because("a statement outside TenantPool's transaction sees no tenant rows (gateway.md §2.2 #4)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.mspcs.gateway"));
    }
}
