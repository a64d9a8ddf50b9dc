package io.fcn.persistence.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An observation as stored: its content, its surrogate id and when it was first recorded.
 *
 * @param id          the row's identity value
 * @param observation what was recorded (the first recording's text: a later identical one does not replace it)
 * @param createdAt   when it was first recorded, from the entry point's clock
 */
public record StoredObservation(long id, Observation observation, OffsetDateTime createdAt) {

    /** {@return the trade's business key} */
    public String tradeId() {
        return observation.tradeId();
    }

    /** {@return the observation date} */
    public LocalDate observationDate() {
        return observation.observationDate();
    }
}
