package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPolicyTest {

    @Test
    void highAndCriticalOpeningsNotifyAtOnce() {
        assertThat(NotificationPolicy.opened(Priority.CRITICAL)).isEqualTo(Notification.IMMEDIATE);
        assertThat(NotificationPolicy.opened(Priority.HIGH)).isEqualTo(Notification.IMMEDIATE);
    }

    @Test
    void lowerOpeningsRepeatsAndSystemClosesDoNot() {
        assertThat(NotificationPolicy.opened(Priority.MEDIUM)).isEqualTo(Notification.DIGEST);
        assertThat(NotificationPolicy.opened(Priority.LOW)).isEqualTo(Notification.DIGEST);
        assertThat(NotificationPolicy.updated()).isEqualTo(Notification.DIGEST);
        assertThat(NotificationPolicy.systemClosed()).isEqualTo(Notification.NONE);
    }
}
