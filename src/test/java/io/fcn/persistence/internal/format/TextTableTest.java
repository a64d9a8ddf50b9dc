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
    void aRowOfAnotherWidthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").row("only one"));
    }
}
