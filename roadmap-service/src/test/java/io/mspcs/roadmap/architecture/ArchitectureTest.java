package io.mspcs.roadmap.architecture;

import io.mspcs.platformtest.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * architecture.md §4 and §12: the domain is plain Java, business time comes only from the injected clock, and
 * database work runs in transactions that name the tenant (gateway.md §2.2 #4).
 */
class ArchitectureTest {

    @Test
    void domainIsPlainJavaTimeComesFromTheClockAndTransactionsCarryTheTenant() {
        ArchitectureRules.check("io.mspcs.roadmap");
    }
}
