package io.mspcs.health;

import io.mspcs.platformtest.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainIsPlainJavaAndTimeComesFromTheClock() {
        ArchitectureRules.check("io.mspcs.health");
    }
}
