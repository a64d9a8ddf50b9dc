package io.fcn.persistence.trade;

import static io.fcn.persistence.types.TradeStatus.ACTIVE;
import static io.fcn.persistence.types.TradeStatus.AUTOCALLED;
import static io.fcn.persistence.types.TradeStatus.KNOCKED_IN;
import static io.fcn.persistence.types.TradeStatus.KNOCKED_OUT;
import static io.fcn.persistence.types.TradeStatus.MATURED;
import static io.fcn.persistence.types.TradeStatus.SETTLED;
import static io.fcn.persistence.types.TradeStatus.TERMINATED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.types.TradeStatus;

/**
 * The one table of allowed trade status transitions, and the lifecycle event each transition appends:
 * <pre>
 * active                 → knocked_in
 * active, knocked_in     → knocked_out, autocalled, matured, terminated
 * knocked_out, autocalled, matured, terminated → settled
 * settled                → (final)
 * </pre>
 */
public final class TradeTransitions {

    private static final Map<TradeStatus, Set<TradeStatus>> ALLOWED = new EnumMap<>(TradeStatus.class);

    static {
        ALLOWED.put(ACTIVE, EnumSet.of(KNOCKED_IN, KNOCKED_OUT, AUTOCALLED, MATURED, TERMINATED));
        ALLOWED.put(KNOCKED_IN, EnumSet.of(KNOCKED_OUT, AUTOCALLED, MATURED, TERMINATED));
        ALLOWED.put(KNOCKED_OUT, EnumSet.of(SETTLED));
        ALLOWED.put(AUTOCALLED, EnumSet.of(SETTLED));
        ALLOWED.put(MATURED, EnumSet.of(SETTLED));
        ALLOWED.put(TERMINATED, EnumSet.of(SETTLED));
        ALLOWED.put(SETTLED, EnumSet.noneOf(TradeStatus.class));
    }

    private TradeTransitions() {
    }

    /**
     * Whether a trade in {@code from} may move to {@code to}.
     * @param from the current status
     * @param to the status asked for
     * @return true if the table allows it
     */
    public static boolean isAllowed(TradeStatus from, TradeStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /**
     * The statuses a trade in {@code from} may move to; empty for a final status.
     * @param from the current status
     * @return the statuses it may move to, unmodifiable
     */
    public static Set<TradeStatus> allowedFrom(TradeStatus from) {
        return Collections.unmodifiableSet(ALLOWED.get(from));
    }

    /** The event a transition into {@code to} appends: the new status's name. */
    static LifecycleEventType eventOf(TradeStatus to) {
        return switch (to) {
            case KNOCKED_IN -> LifecycleEventType.KNOCKED_IN;
            case KNOCKED_OUT -> LifecycleEventType.KNOCKED_OUT;
            case AUTOCALLED -> LifecycleEventType.AUTOCALLED;
            case MATURED -> LifecycleEventType.MATURED;
            case TERMINATED -> LifecycleEventType.TERMINATED;
            case SETTLED -> LifecycleEventType.SETTLED;
            case ACTIVE -> throw new IllegalArgumentException("No transition leads into active");
        };
    }
}
