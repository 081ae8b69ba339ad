package dev.plinth.lang.wasm.internal.abi;

import com.dylibso.chicory.wasm.WasmModule;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.wasm.internal.link.HostImport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One plugin's side of an ABI: the host functions its module may import, and what happens around the module's
 * life: which exports become event handlers, commands and tasks, and which hooks run when it is enabled and
 * disabled. Everything it registers goes through the plugin's bundle-scoped services, so it goes away with the
 * resource bundle.
 *
 * <p>Threads: {@link #imports} before instantiation, {@link #enable()} and {@link #disable()} on the thread that
 * starts or stops the resource, the reload hooks ({@link #saveState()}...) on the game thread; the handlers it registers run on the threads that post events or run commands and
 * tasks (the game thread).
 */
public interface AbiBinding {

    /**
     * The host functions offered to the module.
     *
     * @param module the module, whose imports some ABIs adapt to (an Extism host function may return a value or
     *     not)
     * @return the functions
     */
    List<HostImport> imports(WasmModule module);

    /**
     * Host functions of this ABI that Plinth knows but never links, by {@code module.name}, with the permission
     * group they would need ({@code network}).
     *
     * @return the functions withheld
     */
    default Map<String, Permission> withheld() {
        return Map.of();
    }

    /**
     * Checks the module's exports against the ABI, subscribes its handlers and runs its enable hook; the module is
     * instantiated (its context has its instance).
     *
     * @throws dev.plinth.lang.wasm.internal.failure.PluginException when an export has the wrong type, a required
     *     one is missing, or the enable hook fails
     */
    void enable();

    /**
     * Runs the module's disable hook, if it has one and may still run.
     *
     * @throws dev.plinth.lang.wasm.internal.failure.PluginException when the hook fails
     */
    void disable();

    /**
     * Asks the module for the state its next version receives on a hot reload, with the start's budget.
     *
     * @return the state as JSON text, or empty when the module keeps none (the ABI has no such hook, the module does
     *     not export it, or it returned nothing)
     * @throws dev.plinth.lang.wasm.internal.failure.PluginException when the hook fails
     */
    default Optional<String> saveState() {
        return Optional.empty();
    }

    /**
     * Gives the module the state its previous version saved, with the start's budget; a module without the hook
     * ignores it.
     *
     * @param json the state, JSON text
     * @throws dev.plinth.lang.wasm.internal.failure.PluginException when the hook fails
     */
    default void restoreState(String json) {
    }

    /**
     * Tells the module it replaces a previous version, after its state was restored.
     *
     * @throws dev.plinth.lang.wasm.internal.failure.PluginException when the hook fails
     */
    default void reloaded() {
    }

    /**
     * Tells the module that a resource it depends on reloaded.
     *
     * @param dependency that resource's name
     * @throws dev.plinth.lang.wasm.internal.failure.PluginException when the hook fails
     */
    default void dependencyReloaded(String dependency) {
    }
}
