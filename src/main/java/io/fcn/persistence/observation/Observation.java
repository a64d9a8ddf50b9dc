package io.fcn.persistence.observation;

import java.time.LocalDate;
import io.fcn.persistence.types.ObservationType;

/**
 * One observation of a trade on one date, as recorded: what the caller sends and what {@link StoredObservation}
 * carries back. JSON columns are JSON text ({@code observationData} may be null). The repository validates it
 * before any SQL runs.
 *
 * @param tradeId           the trade's business key (unique case-insensitively, as SQL Server compares it)
 * @param observationDate   the observation date; one observation per trade and date
 * @param type              what is observed on that date
 * @param underlyingPrices  JSON text, e.g. {@code {"AAPL": 182.5}}
 * @param observationData   optional JSON text with further detail, or null
 */
public record Observation(
        String tradeId,
        LocalDate observationDate,
        ObservationType type,
        String underlyingPrices,
        boolean autocallTriggered,
        boolean couponEligible,
        boolean kiTriggered,
        String observationData) {
}
