package io.fcn.persistence.internal.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns for people: each as wide as its widest cell, two spaces apart, no trailing blanks. Cells are untrusted
 * (names and messages from a database): their control characters are shown escaped ({@link Untrusted}).
 */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    public TextTable(String... header) {
        columns = header.length;
        rows.add(escaped(header));
    }

    public TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns);
        }
        rows.add(escaped(cells));
        return this;
    }

    private static String[] escaped(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = Untrusted.escape(cells[i]);
        }
        return out;
    }

    /** One line per row, the header first, each ending in a newline. */
    public String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
