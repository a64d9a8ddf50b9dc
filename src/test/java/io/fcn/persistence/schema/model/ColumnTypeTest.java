package io.fcn.persistence.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.catalog.TypeMapping;

/** The type normalization and the one type-name mapping. */
class ColumnTypeTest {

    @Test
    void renderingFollowsSqlServerDeclarations() {
        assertEquals("NVARCHAR(MAX)", ColumnType.of(TypeFamily.NVARCHAR, Length.MAX, null, null).sql());
        assertEquals("DECIMAL(18,4)", ColumnType.of(TypeFamily.DECIMAL, null, 18, 4).sql());
        assertEquals("DATETIMEOFFSET(7)", ColumnType.of(TypeFamily.DATETIMEOFFSET, null, null, 7).sql());
        assertEquals("INT", ColumnType.of(TypeFamily.INT, Length.of(4), 10, 0).sql());
        assertEquals("(N)VARCHAR(100)",
                new ColumnType(TypeFamily.NVARCHAR, false, Length.of(100), null, null, null).sql());
    }

    @Test
    void unknownNationalityComparesOnTheNonNationalFamily() {
        ColumnType unknown = new ColumnType(TypeFamily.NVARCHAR, false, Length.of(100), null, null, null);
        assertEquals(TypeFamily.VARCHAR, unknown.family());

        assertTrue(unknown.matches(ColumnType.of(TypeFamily.NVARCHAR, Length.of(100), null, null)));
        assertTrue(unknown.matches(ColumnType.of(TypeFamily.VARCHAR, Length.of(100), null, null)));
        assertFalse(unknown.matches(ColumnType.of(TypeFamily.NVARCHAR, Length.of(101), null, null)));
        assertFalse(ColumnType.of(TypeFamily.NVARCHAR, Length.MAX, null, null)
                .matches(ColumnType.of(TypeFamily.VARCHAR, Length.MAX, null, null)));
        assertFalse(unknown.matches(ColumnType.of(TypeFamily.CHAR, Length.of(100), null, null)));
    }

    @Test
    void sqlServerNamesShowEverything() {
        assertEquals(new TypeMapping.Mapped(TypeFamily.NVARCHAR, true),
                TypeMapping.fromCatalog(EngineFamily.SQL_SERVER, "nvarchar"));
        assertEquals(new TypeMapping.Mapped(TypeFamily.DECIMAL, true),
                TypeMapping.fromCatalog(EngineFamily.SQL_SERVER, "numeric"));
        assertEquals(new TypeMapping.Mapped(TypeFamily.DATETIMEOFFSET, true),
                TypeMapping.fromCatalog(EngineFamily.SQL_SERVER, "DATETIMEOFFSET"));
    }

    @Test
    void h2NamesHideNationality() {
        assertEquals(new TypeMapping.Mapped(TypeFamily.VARCHAR, false),
                TypeMapping.fromCatalog(EngineFamily.H2, "VARCHAR_IGNORECASE"));
        assertEquals(new TypeMapping.Mapped(TypeFamily.CHAR, false),
                TypeMapping.fromCatalog(EngineFamily.H2, "CHARACTER"));
        assertEquals(new TypeMapping.Mapped(TypeFamily.BIT, true), TypeMapping.fromCatalog(EngineFamily.H2, "BOOLEAN"));
        assertEquals(new TypeMapping.Mapped(TypeFamily.DATETIMEOFFSET, true),
                TypeMapping.fromCatalog(EngineFamily.H2, "TIMESTAMP WITH TIME ZONE"));
    }

    @Test
    void unknownNamesAreOtherAndKeepTheirName() {
        ColumnType xml = TypeMapping.columnType(TypeMapping.fromCatalog(EngineFamily.SQL_SERVER, "xml"), "xml",
                Length.MAX, null, null);
        assertEquals(TypeFamily.OTHER, xml.family());
        assertEquals("xml", xml.sql());
        assertNull(xml.length());
        assertFalse(xml.matches(TypeMapping.columnType(TypeMapping.fromCatalog(EngineFamily.SQL_SERVER, "geography"),
                "geography", null, null, null)));
    }
}
