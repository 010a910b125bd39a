package io.mspcs.roadmap.service;

import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.repository.ClientViewEntity;
import io.mspcs.roadmap.repository.RoadmapEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A client's view and its roadmap, loaded together. */
public record ClientRoadmap(ClientViewEntity client, RoadmapEntity roadmap) {

    /** Tenant time zones are not configurable yet: every tenant runs on the default, UTC (README §4). */
    static final ZoneId TENANT_ZONE = ZoneOffset.UTC;

    public Quarter currentQuarter(Instant now) {
        return client.fiscalCalendar().quarterOf(LocalDate.ofInstant(now, TENANT_ZONE));
    }
}
