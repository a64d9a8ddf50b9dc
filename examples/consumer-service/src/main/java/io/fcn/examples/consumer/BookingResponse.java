package io.fcn.examples.consumer;

/**
 * What {@code POST /v1/trades} answers.
 *
 * @param status   HTTP status: 201 booked, 409 the same request is still being processed, 422 key reused
 * @param body     JSON body
 * @param replayed whether this is the stored answer to an earlier identical request
 */
public record BookingResponse(int status, String body, boolean replayed) {
}
