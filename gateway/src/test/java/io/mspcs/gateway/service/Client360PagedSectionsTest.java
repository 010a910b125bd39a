package io.mspcs.gateway.service;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 360's list sections (openProposals, openCtas, nextMeetings) read the owners' {items, nextCursor} pages. */
class Client360PagedSectionsTest {

    @Test
    void openProposalsShowTheItemsOfRoadmapsPagedAnswer() {
        Object page = Json.decodeValue("""
                {"items":[{"id":"p1","status":"SENT","agingBucket":"DAYS_15_30"},{"id":"p2","status":"SENT"}],
                 "nextCursor":"azF8MDAw"}""");

        Object shown = Client360.items(page);

        assertThat(shown).isInstanceOf(JsonArray.class);
        assertThat(((JsonArray) shown).getJsonObject(0).getString("agingBucket")).isEqualTo("DAYS_15_30");
        assertThat(((JsonArray) shown).stream().map(p -> ((io.vertx.core.json.JsonObject) p).getString("id")))
                .containsExactly("p1", "p2");
    }

    @Test
    void anEmptyLastPageIsAnEmptyList() {
        assertThat(Client360.items(Json.decodeValue("{\"items\":[],\"nextCursor\":null}"))).isEqualTo(new JsonArray());
    }

    @Test
    void aBareArrayFromAnOwnerBeforePagingIsShownAsItIs() {
        assertThat(Client360.items(Json.decodeValue("[{\"id\":\"p1\"}]"))).isEqualTo(new JsonArray("[{\"id\":\"p1\"}]"));
    }

    @Test
    void anAnswerWithoutItemsIsAnEmptyList() {
        assertThat(Client360.items(Json.decodeValue("{\"uri\":\"/api/v1/clients/c/proposals\"}")))
                .isEqualTo(new JsonArray());
    }
}
