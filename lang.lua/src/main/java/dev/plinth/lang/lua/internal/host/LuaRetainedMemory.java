package dev.plinth.lang.lua.internal.host;

import dev.plinth.core.sandbox.memory.RetainedMemory;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.limits.Limit;
import dev.plinth.lang.lua.internal.memory.RetainedWalker;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one Lua resource keeps, for the sandbox's memory monitor: a {@link RetainedWalker} from its roots, walked in
 * steps of {@value #STEP} values, each step holding the resource's call lock for a short while (its calls run between
 * two steps), on the monitor's thread, never on the game thread.
 *
 * <p>Thread-safe.
 */
final class LuaRetainedMemory implements RetainedMemory {

    static final int STEP = 20_000;
    private static final long MAX_VALUES = 20_000_000;

    private final ResourceContext context;
    private final long limitBytes;
    private final Map<Class<?>, List<Field>> compiledFields = new ConcurrentHashMap<>();

    LuaRetainedMemory(ResourceContext context, long limitBytes) {
        this.context = context;
        this.limitBytes = limitBytes;
    }

    @Override
    public String resource() {
        return context.name();
    }

    @Override
    public long limitBytes() {
        return limitBytes;
    }

    @Override
    public long measure() {
        var script = context.script();
        var walker = script.whileIdle(() -> new RetainedWalker(context.roots(), MAX_VALUES, compiledFields));
        while (!script.isClosed() && !script.whileIdle(() -> walker.step(STEP))) {
            Thread.yield();
        }
        return walker.bytes();
    }

    @Override
    public void stop(String message) {
        context.script().breakLimit(Limit.RETAINED_MEMORY, message);
    }
}
