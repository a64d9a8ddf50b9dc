package io.fcn.persistence.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void sqlServerAndH2DefaultsNormalizeAlike() {
        assertEquals("sysdatetimeoffset()", SqlText.normalize("(sysdatetimeoffset())"));
        assertEquals("sysdatetimeoffset()", SqlText.normalize("\"dbo\".\"sysdatetimeoffset\"()"));
        assertEquals("sysdatetimeoffset()", SqlText.normalize("[dbo].[SYSDATETIMEOFFSET]( )"));
        assertEquals("0", SqlText.normalize("((0))"));
        assertEquals("'completed'", SqlText.normalize("('completed')"));
    }

    @Test
    void literalsKeepTheirCaseAndSpaces() {
        assertEquals("status='Draft  X'", SqlText.normalize("([Status]='Draft  X')"));
        assertEquals("a = 'it''s (x)'", SqlText.normalize("(A = 'it''s (x)')"));
    }

    @Test
    void onlyParenthesesAroundTheWholeFragmentAreDropped() {
        assertEquals("(a is null) or (b=1)", SqlText.normalize("((a IS NULL) OR (b=1))"));
        assertEquals("(a is null) or (b=1)", SqlText.normalize("(a IS NULL)\n    OR (b=1)"));
    }

    @Test
    void spacesAtParenthesesAndCommasGo() {
        assertEquals("status in('draft','active')", SqlText.normalize("\"status\" IN( 'draft' , 'active' )"));
    }

    @Test
    void aDboPrefixInsideAnotherNameStays() {
        assertEquals("xdbo.f()", SqlText.normalize("xdbo.f()"));
    }

    // ---- CHECK predicates: one canonical form for every engine's wording

    private static void same(String... wordings) {
        Optional<String> first = SqlText.canonicalPredicate(wordings[0]);
        assertTrue(first.isPresent(), wordings[0]);
        for (String w : wordings) {
            assertEquals(first, SqlText.canonicalPredicate(w), w);
        }
    }

    @Test
    void aPredicateAsTheMigrationSqlServerBabelfishAndH2WordItIsOneForm() {
        // The migration's text; SQL Server's sys.check_constraints (IN as ORs, brackets, parenthesised literals);
        // Babelfish's; H2's INFORMATION_SCHEMA (quoted upper case, casts of literals).
        same("status IN ('draft', 'active', 'deprecated')",
                "([status]='draft' OR [status]='active' OR [status]='deprecated')",
                "(status in ('draft','active','deprecated'))",
                "\"STATUS\" IN('draft', 'active', 'deprecated')",
                "[status]=N'draft' or [status]=N'active' or [status]=N'deprecated'");
        same("notional > 0", "([notional]>(0))", "\"NOTIONAL\" > CAST(0 AS NUMERIC(1))", "notional > 0.0");
        same("ISJSON(parameters) = 1", "(isjson([parameters])=(1))",
                "CASE \"PARAMETERS\" IS JSON WHEN TRUE THEN 1 WHEN FALSE THEN 0 END = 1",
                "case (parameters is json) when true then 1 when false then 0 end = 1");
        same("ASCII(SUBSTRING(currency, 1, 1)) BETWEEN 65 AND 90 AND ASCII(SUBSTRING(currency, 2, 1)) BETWEEN 65 AND 90",
                "(ascii(substring([currency],(1),(1)))>=(65) AND ascii(substring([currency],(1),(1)))<=(90)"
                        + " AND ascii(substring([currency],(2),(1)))>=(65) AND ascii(substring([currency],(2),(1)))<=(90))",
                "(ASCII(SUBSTRING(\"CURRENCY\" FROM 1 FOR 1)) BETWEEN 65 AND 90)"
                        + " AND (ASCII(SUBSTRING(\"CURRENCY\" FROM 2 FOR 1)) BETWEEN 65 AND 90)");
        same("state <> 'completed' OR (response_status IS NOT NULL AND response_snapshot IS NOT NULL)",
                "([state]<>'completed' OR [response_status] IS NOT NULL AND [response_snapshot] IS NOT NULL)",
                "(\"STATE\" <> CAST('completed' AS VARCHAR_IGNORECASE(9))) OR ((\"RESPONSE_STATUS\" IS NOT NULL)"
                        + " AND (\"RESPONSE_SNAPSHOT\" IS NOT NULL))",
                "state != 'completed' or response_status is not null and response_snapshot is not null",
                "response_snapshot IS NOT NULL AND response_status IS NOT NULL OR state <> 'completed'");
    }

    @Test
    void aChangedPredicateIsAnotherForm() {
        for (List<String> pair : List.of(List.of("notional > 0", "notional >= 0"),
                List.of("status IN ('draft', 'active')", "status IN ('draft', 'active', 'deprecated')"),
                List.of("status IN ('draft')", "status IN ('Draft')"),
                List.of("a = 1 OR b = 1 AND c = 1", "(a = 1 OR b = 1) AND c = 1"),
                List.of("a IS NULL", "a IS NOT NULL"),
                List.of("a - b > 0", "b - a > 0"))) {
            assertNotEquals(SqlText.canonicalPredicate(pair.get(0)), SqlText.canonicalPredicate(pair.get(1)),
                    pair.toString());
        }
    }

    @Test
    void textThatIsNoPredicateHasNoForm() {
        assertEquals(Optional.empty(), SqlText.canonicalPredicate("status IN ('a'"));
        assertEquals(Optional.empty(), SqlText.canonicalPredicate("a = = 1"));
        assertEquals(Optional.empty(), SqlText.canonicalPredicate(null));
        assertEquals(Optional.of("status = 'a' or status = 'b'"), SqlText.canonicalPredicate("status in ('b','a')"));
    }
}
