package io.fcn.persistence.observation;

/**
 * What {@link ObservationRepository#recordAll} did.
 *
 * @param inserted rows newly stored
 * @param skipped  rows identical to a stored observation, or to an earlier row of the same batch, not stored again
 */
public record ObservationBatchResult(int inserted, int skipped) {
}
