package io.fcn.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Untrusted text reaches the terminal escaped: an ESC in an argument or a message cannot colour or move anything. */
class FcnDbEscapingTest {

    @Test
    void controlCharactersInAnErrorAreShownEscaped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FcnDb.run(new String[] {"no\u001b[31msuch\u0000"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertTrue(text.contains("no\\x1b[31msuch\\x00"), text);
        assertFalse(text.contains("\u001b") || text.contains("\u0000"), text);
    }

    @Test
    void printedTextKeepsLineBreaksAndEscapesTheRest() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = EscapingPrintStream.of(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.println("a\u001bb");
        out.printf("%s%n", "c\td\u0007");
        out.print("ธ\r\n");
        String printed = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertEquals("a\\x1bb\nc\td\\x07\nธ\r\n", printed);
    }
}
