package io.mspcs.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** segmentation.md §2.1 and §7: registry validation and merge semantics. */
class ClientProfileValidatorTest {

    private static ClientProfileInput input(Set<String> present, String name, String amount, String currency,
                                            Integer month, List<ClientProfileInput.ContactInput> contacts) {
        return new ClientProfileInput("connectwise", "19283", present, name, null,
                amount == null ? null : new BigDecimal(amount), currency, null, month, null, null, contacts, null, List.of());
    }

    private static ClientProfileValidator.Result create(ClientProfileInput input) {
        return ClientProfileValidator.merge("items[0].", null, input, "USD", UUID::randomUUID);
    }

    private static List<String> codes(ClientProfileValidator.Result result) {
        return result.violations().stream().map(Violation::code).toList();
    }

    @Test
    void createNeedsNameAndMrrAndDefaultsStatusAndFiscalYear() {
        var result = create(input(Set.of("name", "mrr"), "Harbor", "8000", "USD", null, null));
        assertThat(result.valid()).isTrue();
        assertThat(result.profile().status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(result.profile().fiscalYearEndMonth()).isEqualTo(12);
        assertThat(result.profile().mrrAmount()).isEqualByComparingTo("8000.00");
        assertThat(codes(create(input(Set.of(), null, null, null, null, null)))).containsExactly("required", "required");
    }

    @Test
    void moneyRules() {
        assertThat(codes(create(input(Set.of("name", "mrr"), "A", "-50.00", "USD", null, null)))).containsExactly("negative");
        assertThat(codes(create(input(Set.of("name", "mrr"), "A", "1.005", "USD", null, null)))).containsExactly("scale");
        assertThat(codes(create(input(Set.of("name", "mrr"), "A", "1.00", "USX", null, null)))).containsExactly("unknown-currency");
        assertThat(codes(create(input(Set.of("name", "mrr"), "A", "1.00", "EUR", null, null)))).containsExactly("currency-mismatch");
        assertThat(codes(create(input(Set.of("name", "mrr"), "A", "0.00", "USD", null, null)))).isEmpty();
    }

    @Test
    void monthOutOfRangeAndBlankName() {
        var result = create(input(Set.of("name", "mrr", "fiscalYearEndMonth"), " ", "1", "USD", 13, null));
        assertThat(result.violations()).extracting(Violation::field)
                .containsExactly("items[0].name", "items[0].fiscalYearEndMonth");
        assertThat(codes(result)).containsExactly("blank", "range");
    }

    @Test
    void contactsNeedOneSponsorUniqueIdentityAndValidEmail() {
        var sponsor = new ClientProfileInput.ContactInput(null, "Maya", "maya@x.example", null, null, List.of("EXEC_SPONSOR"), null);
        var again = new ClientProfileInput.ContactInput(null, "Maya 2", "MAYA@x.example", null, null, List.of("EXEC_SPONSOR"), null);
        var bad = new ClientProfileInput.ContactInput(null, "Bad", "not-an-email", null, null, List.of("CHIEF"), "SDM");
        var result = create(input(Set.of("name", "mrr", "contacts"), "A", "1", "USD", null, List.of(sponsor, again, bad)));
        assertThat(codes(result)).containsExactlyInAnyOrder("one-exec-sponsor", "duplicate-contact", "email", "enum", "enum");
    }

    @Test
    void updateChangesOnlySentFieldsKeepsContactIdsAndNullClearsOptionalFields() {
        var contact = new ClientProfileInput.ContactInput("c-1", "Maya", null, null, null, List.of("IT_LEAD"), "CSM");
        ClientProfile stored = create(new ClientProfileInput("connectwise", "1", Set.of("name", "mrr", "contacts", "industry"),
                "Harbor", null, new BigDecimal("8000"), "USD", null, 6, "Dental", null, List.of(contact), null, List.of()))
                .profile();
        var patch = new ClientProfileInput("connectwise", "1", Set.of("industry", "contacts"), null, null, null, null, null,
                null, null, null, List.of(contact), null, List.of());
        ClientProfile merged = ClientProfileValidator.merge("", stored, patch, "USD", UUID::randomUUID).profile();
        assertThat(merged.name()).isEqualTo("Harbor");
        assertThat(merged.industry()).isNull();
        assertThat(merged.contacts().get(0).id()).isEqualTo(stored.contacts().get(0).id());
        assertThat(stored.changesTo(merged)).containsOnlyKeys("industry");
    }
}
