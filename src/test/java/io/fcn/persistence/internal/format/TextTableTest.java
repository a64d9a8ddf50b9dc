package io.fcn.persistence.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellTwoSpacesApartWithoutTrailingBlanks() {
        String text = new TextTable("A", "LONG HEADER", "C").row("wide cell", "x", "").row("b", "y", "last").render();
        assertEquals("""
                A          LONG HEADER  C
                wide cell  x
                b          y            last
                """, text);
    }

    @Test
    void controlCharactersInCellsAreShownEscaped() {
        String text = new TextTable("NAME", "NOTE").row("\u001b[31mred", "a\u0000b\nc\td").render();
        assertEquals("NAME         NOTE\n\\x1b[31mred  a\\x00b\\x0ac\\x09d\n", text);
        assertEquals("x\\x9by\n", Untrusted.escapeKeepingLines("x\u009by\n"));
    }

    @Test
    void aRowOfAnotherWidthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").row("only one"));
    }
}
