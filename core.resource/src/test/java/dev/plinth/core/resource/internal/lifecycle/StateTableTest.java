package dev.plinth.core.resource.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.resource.ResourceState;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** An active resource bundle reads {@code started}, or {@code starting} while its host's start hook awaits. */
class StateTableTest {

    private static final long BUNDLE_ID = 7;

    private final StateTable states = new StateTable(id -> id == BUNDLE_ID ? Optional.of("welcome") : Optional.empty());

    @Test
    void anActiveBundleWhoseStartHookAwaitsIsStartingUntilItFinished() {
        Bundle active = activeBundle();
        states.loaded(BUNDLE_ID);
        assertEquals(ResourceState.STARTED, states.state(active));

        states.pending(BUNDLE_ID, true);
        assertEquals(ResourceState.STARTING, states.state(active));

        states.pending(BUNDLE_ID, false);
        assertEquals(ResourceState.STARTED, states.state(active));
    }

    private static Bundle activeBundle() {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> Bundle.ACTIVE;
                    case "getBundleId" -> BUNDLE_ID;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
