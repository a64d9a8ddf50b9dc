package io.fcn.persistence.idempotency;

/**
 * Proof of owning a claimed idempotency key, for {@link IdempotencyRepository#complete} and
 * {@link IdempotencyRepository#release}.
 *
 * @param keyHash the claimed key's {@code key_hash}: it lets completing and releasing seek the unique index instead
 *                of scanning for the token (a scan would lock its way through other workers' rows on SQL Server)
 * @param value   the owner token stored in {@code lock_token}: a random UUID string, new with every claim and
 *                takeover
 */
public record ClaimToken(String keyHash, String value) {
}
