package io.fcn.persistence.internal.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jooq.Configuration;
import org.jooq.Context;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.RenderContext;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.VisitListenerProvider;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultVisitListenerProvider;

/**
 * A statement's text as the entry point's configuration renders it, cut at its bind values: rendering jOOQ's query
 * model costs more than the rest of a single-row call, and a fixed-shape statement renders the same text every
 * time. Each call then only binds its values into the stored text ({@link #with}).
 *
 * <p>Built from the statement's DSL with placeholders ({@code DSL.param(FIELD)}) where each call's values go; every
 * other bind value (constants such as a state) keeps its value. Construction checks that the stored text, replayed,
 * renders exactly what jOOQ rendered.
 */
final class RenderedStatement {

    private final String sql;
    /** The text between the bind values: one more than {@link #slots}. */
    private final String[] chunks;
    /** Per bind value, in text order: the index of the caller's value, or -1 for a constant. */
    private final int[] slots;
    /** Per bind value: the constant, or the placeholder whose type the caller's value takes. */
    private final Param<?>[] params;
    /** Per placeholder: its type for a value and for null (jOOQ derives the one it lacks, at some cost). */
    private final DataType<?>[] types;
    private final DataType<?>[] nullTypes;

    private RenderedStatement(String sql, String[] chunks, int[] slots, Param<?>[] params, DataType<?>[] types) {
        this.sql = sql;
        this.chunks = chunks;
        this.slots = slots;
        this.params = params;
        this.types = new DataType<?>[types.length];
        this.nullTypes = new DataType<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            this.types[i] = types[i].notNull();
            this.nullTypes[i] = types[i].null_();
        }
    }

    /**
     * Renders {@code statement} once with {@code dsl}'s configuration (dialect, settings, render mapping, quoting).
     *
     * @param placeholders the params of {@code statement} that each call fills, in the order {@link #with} takes
     *                     their values; each must occur in the statement
     */
    static RenderedStatement of(DSLContext dsl, QueryPart statement, Param<?>... placeholders) {
        Objects.requireNonNull(statement, "statement");
        String expected = dsl.render(statement);

        ParamSpans spans = new ParamSpans();
        Configuration recording = dsl.configuration().derive(append(dsl.configuration().visitListenerProviders(),
                new DefaultVisitListenerProvider(spans)));
        String rendered = recording.dsl().render(statement);
        if (!rendered.equals(expected)) {
            throw new IllegalStateException("Rendering differs with a visit listener: " + rendered);
        }

        Map<Param<?>, Integer> index = new IdentityHashMap<>();
        // jOOQ renders a copy of a param compared with a column that has its own binding (DATE columns): such a
        // copy keeps the param's name, so a placeholder with a name no other placeholder has is found by it too.
        Map<String, Integer> byName = new HashMap<>();
        Set<String> sharedNames = new HashSet<>();
        for (int i = 0; i < placeholders.length; i++) {
            if (index.put(Objects.requireNonNull(placeholders[i], "placeholder"), i) != null) {
                throw new IllegalArgumentException("placeholder " + i + " listed twice");
            }
            String name = placeholders[i].getParamName();
            if (name != null && byName.put(name, i) != null) {
                sharedNames.add(name);
            }
        }
        byName.keySet().removeAll(sharedNames);
        int n = spans.params.size();
        String[] chunks = new String[n + 1];
        int[] slots = new int[n];
        Param<?>[] params = spans.params.toArray(Param<?>[]::new);
        DataType<?>[] types = new DataType<?>[placeholders.length];
        boolean[] used = new boolean[placeholders.length];
        int from = 0;
        for (int i = 0; i < n; i++) {
            chunks[i] = rendered.substring(from, spans.starts.get(i));
            from = spans.ends.get(i);
            Integer slot = index.get(params[i]);
            if (slot == null && params[i].getParamName() != null) {
                slot = byName.get(params[i].getParamName());
            }
            slots[i] = slot == null ? -1 : slot;
            if (slot != null) {
                used[slot] = true;
                types[slot] = params[i].getDataType();
            }
        }
        chunks[n] = rendered.substring(from);
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                throw new IllegalArgumentException("placeholder " + i + " does not occur in " + rendered);
            }
        }

        RenderedStatement result = new RenderedStatement(rendered, chunks, slots, params, types);
        // The text is replayed with other params around it: prove it renders the same, here rather than per call.
        String replayed = dsl.render(result.part(placeholders));
        if (!replayed.equals(rendered)
                || !dsl.extractBindValues(result.part(placeholders)).equals(dsl.extractBindValues(statement))) {
            throw new IllegalStateException("Replaying the rendered statement changes it:\n  " + rendered + "\n  "
                    + replayed);
        }
        return result;
    }

    /** The stored text, with the configuration's bind markers. */
    String sql() {
        return sql;
    }

    int parameterCount() {
        return types.length;
    }

    /** The statement with these values (in placeholder order) bound, as a query part for a plain SQL query. */
    QueryPart with(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException("expected " + types.length + " values, got " + values.length);
        }
        Param<?>[] bound = new Param<?>[values.length];
        for (int i = 0; i < values.length; i++) {
            DataType<?> type = values[i] == null ? nullTypes[i] : types[i];
            bound[i] = value(type, values[i], i);
        }
        return part(bound);
    }

    private QueryPart part(Param<?>[] bound) {
        Param<?>[] all = params.clone();
        for (int i = 0; i < all.length; i++) {
            if (slots[i] >= 0) {
                all[i] = bound[slots[i]];
            }
        }
        return new Replay(chunks, all);
    }

    private static <T> Param<T> value(DataType<T> type, Object value, int position) {
        if (value != null && !type.getType().isInstance(value)) {
            throw new IllegalArgumentException("value " + position + " must be a " + type.getType().getName()
                    + ", got " + value.getClass().getName());
        }
        return DSL.val(type.getType().cast(value), type);
    }

    private static VisitListenerProvider[] append(VisitListenerProvider[] existing, VisitListenerProvider added) {
        VisitListenerProvider[] all = Arrays.copyOf(existing, existing.length + 1);
        all[existing.length] = added;
        return all;
    }

    /** The stored text around the params: visiting a param renders its marker (or literal) and registers its bind. */
    private static final class Replay extends CustomQueryPart {
        private static final long serialVersionUID = 1L;

        private final String[] chunks;
        private final Param<?>[] params;

        Replay(String[] chunks, Param<?>[] params) {
            this.chunks = chunks;
            this.params = params;
        }

        @Override
        public void accept(Context<?> ctx) {
            for (int i = 0; i < params.length; i++) {
                ctx.sql(chunks[i], true).visit(params[i]);
            }
            ctx.sql(chunks[params.length], true);
        }
    }

    /** Where each outermost param starts and ends in the text being rendered. */
    private static final class ParamSpans implements VisitListener {
        final List<Param<?>> params = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();
        final List<Integer> ends = new ArrayList<>();
        private int depth;

        @Override
        public void visitStart(VisitContext context) {
            if (context.queryPart() instanceof Param<?> param && context.renderContext() != null && depth++ == 0) {
                params.add(param);
                starts.add(length(context.renderContext()));
            }
        }

        @Override
        public void visitEnd(VisitContext context) {
            if (context.queryPart() instanceof Param<?> && context.renderContext() != null && --depth == 0) {
                ends.add(length(context.renderContext()));
            }
        }

        private static int length(RenderContext ctx) {
            return ctx.render().length();
        }
    }
}
