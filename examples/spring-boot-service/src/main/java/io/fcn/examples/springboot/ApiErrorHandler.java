package io.fcn.examples.springboot;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.fcn.persistence.exceptions.InvalidStateTransitionException;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.OptimisticLockException;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.exceptions.ValidationException;

import tools.jackson.databind.json.JsonMapper;

/** Every error as the contract's ErrorResponse; the mapping is README's table. */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final JsonMapper json;

    ApiErrorHandler(JsonMapper json) {
        this.json = json;
    }

    /** The error's JSON text, as sent and as stored for an idempotent replay. */
    String render(ApiError e, String path) {
        return json.writeValueAsString(e.body(path, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    ResponseEntity<String> respond(ApiError e, HttpServletRequest request) {
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON)
                .body(render(e, request.getRequestURI()));
    }

    @ExceptionHandler(ApiError.class)
    ResponseEntity<String> api(ApiError e, HttpServletRequest request) {
        return respond(e, request);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<String> validation(ValidationException e, HttpServletRequest request) {
        return respond(ApiError.invalid(HttpStatus.BAD_REQUEST, e), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(new ApiError(HttpStatus.NOT_FOUND, ApiError.Code.NOT_FOUND,
                "no " + e.entity() + " " + e.key()), request);
    }

    @ExceptionHandler(OptimisticLockException.class)
    ResponseEntity<String> stale(OptimisticLockException e, HttpServletRequest request) {
        return respond(new ApiError(HttpStatus.PRECONDITION_FAILED, ApiError.Code.PRECONDITION_FAILED,
                "the trade changed since that version: read it again (its ETag)"), request);
    }

    @ExceptionHandler(InvalidStateTransitionException.class)
    ResponseEntity<String> transition(InvalidStateTransitionException e, HttpServletRequest request) {
        return respond(new ApiError(HttpStatus.CONFLICT, ApiError.Code.INVALID_STATE_TRANSITION, e.getMessage()),
                request);
    }

    @ExceptionHandler(TransientDatabaseException.class)
    ResponseEntity<String> transientFailure(TransientDatabaseException e, HttpServletRequest request) {
        LOG.warn("transient database failure", e);
        return respond(new ApiError(HttpStatus.SERVICE_UNAVAILABLE, ApiError.Code.SERVICE_UNAVAILABLE,
                "the database is busy: retry"), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(ApiError.invalid(HttpStatus.BAD_REQUEST,
                List.of(ApiError.Violation.of("body", "is not a JSON object"))), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(ApiError.invalid(HttpStatus.BAD_REQUEST,
                List.of(ApiError.Violation.of(e.getName(), "must be an integer"))), request);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> unexpected(RuntimeException e, HttpServletRequest request) {
        LOG.error("request failed", e); // the library's exceptions carry no secrets (README, "Errors")
        return respond(new ApiError(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.Code.INTERNAL_ERROR,
                "internal error"), request);
    }
}
