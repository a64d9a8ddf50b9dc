package io.fcn.examples.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service over real HTTP (java.net.http): what a client sees, bytes included. */
final class Api {

    /** README's curl example books this file too. */
    static final Path BOOK_TRADE = Path.of("requests/book-trade.json");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    static byte[] bookTradeJson() {
        try {
            return Files.readAllBytes(BOOK_TRADE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request file with other values, e.g. {@code "client_id", "C-1"}; values are JSON text. */
    static byte[] bookTradeJsonWith(String... fieldsAndJsonValues) {
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(bookTradeJson());
        for (int i = 0; i < fieldsAndJsonValues.length; i += 2) {
            node.set(fieldsAndJsonValues[i], JSON.readTree(fieldsAndJsonValues[i + 1]));
        }
        return JSON.writeValueAsBytes(node);
    }

    HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A JSON POST; {@code headers} are name, value pairs. */
    HttpResponse<byte[]> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    HttpResponse<byte[]> book(String key, byte[] body) {
        return key == null ? post("/api/fcn/trades", body) : post("/api/fcn/trades", body, "Idempotency-Key", key);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        return JSON.readTree(response.body());
    }

    /** The fields the violations of an ErrorResponse name, in order. */
    static List<String> violationFields(HttpResponse<byte[]> response) {
        List<String> fields = new ArrayList<>();
        json(response).path("violations").forEach(v -> fields.add(v.path("field").stringValue()));
        return fields;
    }

    /** How many trades the seeded template has (the list's total_items). */
    long tradesOfSeededTemplate() {
        return json(get("/api/fcn/trades?template_id=" + TemplateSeed.TEMPLATE_ID + "&limit=1"))
                .path("pagination").path("total_items").longValue();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
