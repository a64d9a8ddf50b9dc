package io.fcn.persistence.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One naming of {@code ValidationException.field()} (README, "Errors"): the column's snake_case name, an indexed
 * path for batch items ({@code observations[1].underlying_prices}), snake_case for arguments that are not columns
 * ({@code batch_size}). Every field name written in the library's source as a literal keeps it.
 */
class FieldNamesTest {

    private static final Pattern NAMED = Pattern.compile(
            "(?:Validate\\.\\w+|new ValidationException|rejected)\\(\\s*\"([^\"]*)\"");
    static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9_]*(\\[\\d+])?(\\.[a-z][a-z0-9_]*)*");

    @Test
    void everyLiteralFieldNameIsSnakeCase() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = NAMED.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertTrue(names.size() > 30, "the scan finds the library's field names: " + names);
        assertEquals(Set.of(), names.stream().filter(n -> !SCHEME.matcher(n).matches())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theSchemeAcceptsWhatItShouldAndNothingElse() {
        for (String good : List.of("trade_id", "observations[1].underlying_prices", "batch_size", "token.key_hash")) {
            assertTrue(SCHEME.matcher(good).matches(), good);
        }
        for (String bad : List.of("tradeId", "observation.underlyingPrices", "batchSize", "Trade_id", "a..b")) {
            assertTrue(!SCHEME.matcher(bad).matches(), bad);
        }
    }
}
