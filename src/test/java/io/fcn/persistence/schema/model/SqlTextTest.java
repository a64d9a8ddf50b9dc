package io.fcn.persistence.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
