package io.mspcs.cadence.repository;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnnestWriteTest {

    @Test
    void anInsertBindsOneArrayPerColumnKeepsTheRowOrderAndCastsJsonAndNumbers() {
        UnnestWrite write = UnnestWrite.insert("t", "id uuid, doc jsonb, amount numeric", "created_at, version",
                "$now, 0");
        assertThat(write.sql()).isEqualTo("insert into t (id, doc, amount, created_at, version) select r.id, "
                + "r.doc::jsonb, r.amount::numeric, $4, 0 from unnest($1::uuid[], $2::text[], $3::text[]) "
                + "with ordinality as r(id, doc, amount, ord) order by r.ord");
        write.add(UUID.randomUUID(), "{}", null).add(UUID.randomUUID(), "{}", java.math.BigDecimal.ONE);
        assertThat(write.size()).isEqualTo(2);
    }

    @Test
    void anUpdateKeepsTheLastRowPerKeySoNoTargetRowIsMatchedTwice() {
        UnnestWrite write = UnnestWrite.update("slot", "id uuid, state text", "updated_at = $now");
        assertThat(write.sql()).isEqualTo("update slot as x set state = r.state, updated_at = $3 from "
                + "unnest($1::uuid[], $2::text[]) as r(id, state) where x.id = r.id");
        UUID id = UUID.randomUUID();
        write.add(id, "WAITING_RECAP").add(id, "MISSED");
        assertThat(write.size()).isEqualTo(1);
        assertThatThrownBy(() -> write.add(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
