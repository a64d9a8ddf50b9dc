package io.fcn.persistence.internal.format;

/**
 * Text from a database, a file or a caller, made safe for a terminal: control characters (C0, DEL, C1) are shown
 * as {@code \xHH}, so an ESC cannot start a colour or cursor sequence and a NUL cannot cut a line.
 */
public final class Untrusted {

    private Untrusted() {
    }

    /** Every control character escaped, line breaks and tabs too: for one cell or one line. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** Control characters escaped except tab, line feed and carriage return: for whole blocks of output. */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            boolean kept = keepLines && (c == '\t' || c == '\n' || c == '\r');
            if (control && !kept) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
