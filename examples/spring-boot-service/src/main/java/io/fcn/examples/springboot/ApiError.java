package io.fcn.examples.springboot;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.fcn.persistence.exceptions.ValidationException;

/**
 * The contract's {@code ErrorResponse}, thrown as an exception and rendered by {@link ApiErrorHandler}. The codes are
 * the contract's enum plus this service's additions (README, "Statuses and error codes").
 */
final class ApiError extends RuntimeException {

    enum Code {
        VALIDATION_FAILED, NOT_FOUND, INTERNAL_ERROR,
        // not in the contract's enum: added by this service
        IDEMPOTENCY_KEY_MISSING, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED,
        PRECONDITION_REQUIRED, PRECONDITION_FAILED, INVALID_STATE_TRANSITION, SERVICE_UNAVAILABLE
    }

    /** One entry of {@code violations}; {@code code} is VALIDATION_FAILED or NOT_FOUND. */
    record Violation(String code, String message, String severity, String field) {
        static Violation of(String field, String message) {
            return new Violation(Code.VALIDATION_FAILED.name(), message, "error", field);
        }
    }

    /** The body as sent; null fields are left out (spring.jackson.default-property-inclusion). */
    record Body(String error, String message, OffsetDateTime timestamp, String path, List<Violation> violations) {
    }

    /**
     * The library names fields as its columns (README, "Errors"); where the API calls them otherwise, its name.
     * maturity_date is derived from trade_date, trade_params from client_id, initial_fixing and metadata.
     */
    private static final Map<String, String> API_FIELD = Map.of(
            "notional", "notional_amount", "maturity_date", "trade_date", "trade_params", "metadata",
            "termination_reason", "reason", "key", "Idempotency-Key");

    final HttpStatus status;
    final Code code;
    final List<Violation> violations;

    ApiError(HttpStatus status, Code code, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
    }

    ApiError(HttpStatus status, Code code, String message) {
        this(status, code, message, null);
    }

    static ApiError invalid(HttpStatus status, List<Violation> violations) {
        return new ApiError(status, Code.VALIDATION_FAILED, "Validation failed", violations);
    }

    /** A library ValidationException, with the field under its API name. */
    static ApiError invalid(HttpStatus status, ValidationException e) {
        String field = API_FIELD.getOrDefault(e.field(), e.field());
        return invalid(status, List.of(Violation.of(field, e.rule())));
    }

    Body body(String path, OffsetDateTime now) {
        return new Body(code.name(), getMessage(), now, path, violations);
    }
}
