package io.fcn.persistence.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;

/**
 * Puts {@code fcnSchema} in the {@code readiness} health group, never in {@code liveness}: a drifted schema takes the
 * pod out of service instead of getting it restarted in a loop. A readiness group the service configured keeps its
 * members and gains {@code fcnSchema}; without one, the group is {@code readinessState} and {@code fcnSchema}, which
 * Boot's probes then keep (their additional paths included). Runs before Boot's own probes post-processor.
 */
public class FcnReadinessGroup implements HealthEndpointGroupsPostProcessor, Ordered {

    /** The health group the indicator joins. */
    public static final String READINESS = "readiness";
    /** The indicator's name in the health endpoint. */
    public static final String MEMBER = "fcnSchema";

    /** Creates the post-processor. */
    public FcnReadinessGroup() {
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        HealthEndpointGroup primary = groups.getPrimary();
        HealthEndpointGroup existing = groups.get(READINESS);
        HealthEndpointGroup readiness = existing != null
                ? new WithMember(existing, existing, null)
                : new WithMember(primary, null, "readinessState");
        Map<String, HealthEndpointGroup> all = new LinkedHashMap<>();
        for (String name : groups.getNames()) {
            all.put(name, groups.get(name));
        }
        all.put(READINESS, readiness);
        return HealthEndpointGroups.of(primary, all);
    }

    @Override
    public int getOrder() {
        // Boot's AvailabilityProbesHealthEndpointGroupsPostProcessor is LOWEST_PRECEDENCE: keep ours before it
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    /** A group with {@code fcnSchema} among its members; the rest as {@code settings} says. */
    private static final class WithMember implements HealthEndpointGroup {
        private final HealthEndpointGroup settings;
        private final HealthEndpointGroup members;
        private final String otherMember;

        WithMember(HealthEndpointGroup settings, HealthEndpointGroup members, String otherMember) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.members = members;
            this.otherMember = otherMember;
        }

        @Override
        public boolean isMember(String name) {
            return MEMBER.equals(name) || (members != null ? members.isMember(name) : otherMember.equals(name));
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return settings.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return settings.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return settings.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return settings.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return members != null ? members.getAdditionalPath() : null;
        }
    }
}
