package io.fcn.persistence.cli;

import java.io.PrintStream;
import java.util.Locale;

import io.fcn.persistence.internal.format.Untrusted;

/**
 * The command line's stdout and stderr: every text printed has its control characters escaped (tab and line breaks
 * kept), so names and messages from a database cannot drive the terminal. Raw bytes pass unchanged.
 */
final class EscapingPrintStream extends PrintStream {

    private final PrintStream target;

    EscapingPrintStream(PrintStream target) {
        super(target, true);
        this.target = target;
    }

    static PrintStream of(PrintStream stream) {
        return stream instanceof EscapingPrintStream ? stream : new EscapingPrintStream(stream);
    }

    /** The stream underneath, for picocli's own help text (ours, trusted, perhaps coloured). */
    static PrintStream raw(PrintStream stream) {
        return stream instanceof EscapingPrintStream e ? e.target : stream;
    }

    @Override
    public void print(String s) {
        target.print(Untrusted.escapeKeepingLines(String.valueOf(s)));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void println(String s) {
        target.println(Untrusted.escapeKeepingLines(String.valueOf(s)));
    }

    @Override
    public void println(Object o) {
        println(String.valueOf(o));
    }

    @Override
    public void println(char c) {
        println(String.valueOf(c));
    }

    @Override
    public void println(char[] s) {
        println(new String(s));
    }

    @Override
    public void println() {
        target.println();
    }

    @Override
    public PrintStream format(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        print(String.format(l, format, args));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        print(String.valueOf(csq == null ? "null" : csq).substring(start, end));
        return this;
    }

    @Override
    public PrintStream append(char c) {
        print(c);
        return this;
    }

    @Override
    public void flush() {
        target.flush();
    }
}
