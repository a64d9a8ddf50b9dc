/**
 * Retrying units of work that failed for a transient reason ({@code isRetryable()}): {@link Retry} runs a
 * transaction again under a {@link RetryPolicy} (bounded attempts, exponential backoff with jitter), and never
 * retries an unknown commit outcome or a call outside a transaction that the caller has not declared idempotent.
 * docs/retries.md.
 */
package io.fcn.persistence.retry;
