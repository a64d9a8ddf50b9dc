package io.fcn.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** GET /api/fcn/trades with page/limit and totals, and its keyset variant. */
class TradeListTest extends ServiceTest {

    private static final String BY_TEMPLATE = "/api/fcn/trades?template_id=" + TemplateSeed.TEMPLATE_ID;

    @BeforeEach
    void atLeastFiveTrades() {
        while (api.tradesOfSeededTemplate() < 5) {
            assertThat(api.book("key-" + UUID.randomUUID(), Api.bookTradeJson()).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void numberedPagesCarryTheTotals() {
        long total = api.tradesOfSeededTemplate();

        JsonNode second = Api.json(api.get(BY_TEMPLATE + "&page=2&limit=2"));

        JsonNode pagination = second.path("pagination");
        assertThat(pagination.path("page").intValue()).isEqualTo(2);
        assertThat(pagination.path("limit").intValue()).isEqualTo(2);
        assertThat(pagination.path("total_items").longValue()).isEqualTo(total);
        assertThat(pagination.path("total_pages").longValue()).isEqualTo((total + 1) / 2);
        assertThat(second.path("trades").size()).isEqualTo(2);
    }

    @Test
    void theKeysetWalkListsWhatTheNumberedPagesList() {
        Set<String> paged = new LinkedHashSet<>();
        JsonNode page = Api.json(api.get(BY_TEMPLATE + "&page=1&limit=100"));
        page.path("trades").forEach(t -> paged.add(t.path("trade_id").stringValue()));

        List<String> walked = new ArrayList<>();
        String next = null;
        do {
            String path = "/api/fcn/trades/keyset?template_id=" + TemplateSeed.TEMPLATE_ID + "&limit=2"
                    + (next == null ? "" : "&cursor=" + next);
            JsonNode keyset = Api.json(api.get(path));
            assertThat(keyset.path("trades").size()).isLessThanOrEqualTo(2);
            keyset.path("trades").forEach(t -> walked.add(t.path("trade_id").stringValue()));
            next = keyset.path("next_cursor").stringValue(null);
        } while (next != null);

        assertThat(walked).containsExactlyElementsOf(paged);
    }

    @Test
    void byStatusListsOnlyThatStatus() {
        JsonNode active = Api.json(api.get("/api/fcn/trades?status=active&limit=100"));

        assertThat(active.path("trades").size()).isPositive();
        active.path("trades").forEach(t -> assertThat(t.path("status").stringValue()).isEqualTo("active"));
    }

    @Test
    void badParametersAre400NamingThem() {
        assertThat(Api.violationFields(api.get(BY_TEMPLATE + "&limit=0"))).containsExactly("limit");
        assertThat(Api.violationFields(api.get(BY_TEMPLATE + "&page=x"))).containsExactly("page");
        assertThat(Api.violationFields(api.get("/api/fcn/trades?status=sleeping"))).containsExactly("status");
        assertThat(Api.violationFields(api.get("/api/fcn/trades/keyset?status=active&cursor=garbage")))
                .containsExactly("cursor");
    }

    @Test
    void bothFiltersTogetherAndNeitherAreListsToo() {
        JsonNode both = Api.json(api.get(BY_TEMPLATE + "&status=active&limit=100"));
        assertThat(both.path("trades").size()).isPositive();
        both.path("trades").forEach(t -> {
            assertThat(t.path("status").stringValue()).isEqualTo("active");
            assertThat(t.path("template_id").stringValue()).isEqualTo(TemplateSeed.TEMPLATE_ID);
        });
        JsonNode all = Api.json(api.get("/api/fcn/trades?limit=100"));
        assertThat(all.path("pagination").path("total_items").asLong())
                .isGreaterThanOrEqualTo(both.path("pagination").path("total_items").asLong());
    }
}
