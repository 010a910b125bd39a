package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    @Test
    void opensWhatItSealedAndNothingSealedWithAnotherKey() {
        SecretBox box = new SecretBox("key one", new SecureRandom());
        byte[] sealed = box.seal("whsec_abc");
        assertThat(new String(sealed)).doesNotContain("whsec_abc");
        assertThat(box.open(sealed)).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> new SecretBox("key two", new SecureRandom()).open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }
}
