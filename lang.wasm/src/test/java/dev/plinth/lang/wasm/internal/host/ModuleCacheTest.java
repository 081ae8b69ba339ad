package dev.plinth.lang.wasm.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.lang.wasm.internal.module.ModuleLoader;
import dev.plinth.lang.wasm.internal.module.PreparedModule;
import dev.plinth.lang.wasm.internal.module.WatAssembler;
import dev.plinth.lang.wasm.internal.testing.TestProgress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The last module of each resource, by content: what a hot reload compiled is what its swap instantiates. */
class ModuleCacheTest {

    private static final WatAssembler WAT = WatAssembler.load();
    private final ModuleLoader loader = new ModuleLoader(true, WAT, new TestProgress());
    private final ModuleCache cache = new ModuleCache();
    private final AtomicInteger loads = new AtomicInteger();

    private PreparedModule get(String resource, String wat, int maxPages) {
        byte[] content = wat.getBytes(StandardCharsets.UTF_8);
        return cache.get(resource, "main.wat", content, maxPages, true, () -> {
            loads.incrementAndGet();
            return loader.load(resource, "main.wat", content, maxPages);
        });
    }

    @Test
    void theSameContentIsLoadedOnceAndAChangeLoadsAgain() {
        PreparedModule first = get("a", "(module (func (export \"f\")))", 1);
        assertSame(first, get("a", "(module (func (export \"f\")))", 1), "a restart with the same module");
        assertEquals(1, loads.get());

        PreparedModule changed = get("a", "(module (func (export \"g\")))", 1);
        assertNotSame(first, changed);
        assertNotSame(changed, get("a", "(module (func (export \"g\")))", 2), "another memory limit, another load");
        assertEquals(3, loads.get());
    }

    @Test
    void eachResourceKeepsItsOwnModuleUntilItIsForgotten() {
        PreparedModule a = get("a", "(module)", 1);
        PreparedModule b = get("b", "(module)", 1);
        assertNotSame(a, b, "two resources never share an instance's module");
        cache.forget("a");
        assertNotSame(a, get("a", "(module)", 1));
        assertSame(b, get("b", "(module)", 1));
        assertEquals(3, loads.get());
    }

    @Test
    void aModuleThatFailsToLoadIsNotKept() {
        assertThrows(RuntimeException.class, () -> get("a", "(module (func i32.cnst 1))", 1));
        assertThrows(RuntimeException.class, () -> get("a", "(module (func i32.cnst 1))", 1));
        assertEquals(2, loads.get(), "nothing is kept of a failure: the next start loads again");
    }
}
