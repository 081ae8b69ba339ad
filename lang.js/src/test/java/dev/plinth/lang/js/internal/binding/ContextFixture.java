package dev.plinth.lang.js.internal.binding;

import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.graalvm.polyglot.Context;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A shared engine for a test class ({@code @RegisterExtension static final ContextFixture}) and a fresh sandboxed
 * context per use, entered, with the host object classes installed.
 */
public final class ContextFixture implements BeforeAllCallback, AfterAllCallback {

    private @Nullable SharedEngine engine;

    @Override
    public void beforeAll(ExtensionContext extension) {
        engine = SharedEngine.create();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * Runs work in a fresh context of the shared engine, entered, with host object classes of the given kinds.
     *
     * @param <T> the result
     * @param grants what the resource's manifest grants
     * @param kinds the host object classes
     * @param work what runs; read its values before it returns (the context closes afterwards)
     * @return its result
     */
    public <T> T inContext(Grants grants, List<HostClass<?>> kinds, BiFunction<Context, HostObjects, T> work) {
        SharedEngine shared = Objects.requireNonNull(engine, "the engine (register the fixture as an extension)");
        Context context = SharedEngine.withPolyglotLoader(shared::isolatedContext);
        context.enter();
        try {
            return work.apply(context, HostObjects.create(context, kinds, grants));
        } finally {
            context.leave();
            context.close();
        }
    }
}
