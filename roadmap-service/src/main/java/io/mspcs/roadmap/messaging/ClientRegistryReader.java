package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.PoisonEventException;

/** The fields of ClientRegistered / ClientUpdated roadmap uses (both carry the full snapshot). */
public record ClientRegistryReader(String name, String status, Integer fiscalYearEndMonth, MrrReader mrr) {

    public record MrrReader(String currency) {
    }

    public static ClientRegistryReader read(EventEnvelope event) {
        ClientRegistryReader data = EventCodec.readData(event, ClientRegistryReader.class);
        if (data.name() == null || data.status() == null) {
            throw new PoisonEventException(event.type() + " without name or status");
        }
        if (data.fiscalYearEndMonth() != null && (data.fiscalYearEndMonth() < 1 || data.fiscalYearEndMonth() > 12)) {
            throw new PoisonEventException(event.type() + " with fiscalYearEndMonth " + data.fiscalYearEndMonth());
        }
        return data;
    }
}
