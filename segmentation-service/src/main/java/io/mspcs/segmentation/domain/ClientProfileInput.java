package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One client as a PSA sends it, not yet validated: every field may be missing or wrong. */
public record ClientProfileInput(String externalId, String name, String status, BigDecimal mrrAmount, String mrrCurrency,
                                 LocalDate contractRenewalDate, Integer fiscalYearEndMonth, String industry,
                                 Integer employeeCount) {
}
