package io.mspcs.roadmap.rest;

import io.mspcs.roadmap.domain.Credit;
import io.mspcs.roadmap.service.TransitionService;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer to a transition: the new state, the expansion credit of an approval, warnings, the initiative. */
public record TransitionResponse(UUID id, String state, String quarter, int position, Credit credit,
                                 List<Map<String, Object>> warnings, InitiativeResponse initiative) {

    static TransitionResponse of(TransitionService.Result result) {
        InitiativeResponse initiative = InitiativeResponse.of(result.initiative());
        return new TransitionResponse(initiative.id(), initiative.state(), initiative.quarter(),
                initiative.position(), result.credit(), result.warnings(), initiative);
    }
}
