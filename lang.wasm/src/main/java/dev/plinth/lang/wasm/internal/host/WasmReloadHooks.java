package dev.plinth.lang.wasm.internal.host;

import dev.plinth.core.runtime.reload.ReloadHooks;
import dev.plinth.core.runtime.reload.ReloadState;
import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.util.Optional;

/**
 * A WebAssembly resource's part in a hot reload: its module's reload exports, called by the resource manager through
 * the {@link ReloadHooks} service registered for the resource once it started. The design ABI's
 * {@code on_save_state() -> i64} returns its state as {@code ptr << 32 | len} (UTF-8 JSON in its memory; a length of
 * 0 keeps nothing), {@code on_restore_state(ptr, len)} receives it in memory {@code alloc} returned, then
 * {@code on_reload()} runs, or {@code on_dependency_reload(ptr, len)} with the name of the resource that reloaded;
 * an Extism plugin's exports of the same names take and give the same as their input and output. Each runs with the
 * start's fuel and wall-clock bound. The released MC-RS ABI has no such exports: its plugins start afresh.
 *
 * <p>Registered through the resource bundle's own context when the resource started, withdrawn when it stops
 * ({@link WasmResource}). Called on the game thread.
 */
final class WasmReloadHooks implements ReloadHooks {

    private final String name;
    private final WasmPlugin plugin;

    WasmReloadHooks(String name, WasmPlugin plugin) {
        this.name = name;
        this.plugin = plugin;
    }

    @Override
    public Optional<ReloadState> saveState(int maxBytes) {
        return plugin.abi().saveState().map(json -> ReloadState.ofJson(name, json, maxBytes));
    }

    @Override
    public void restoreState(ReloadState state) {
        plugin.abi().restoreState(state.json());
    }

    @Override
    public void onReload() {
        plugin.abi().reloaded();
    }

    @Override
    public void onDependencyReload(String dependency) {
        plugin.abi().dependencyReloaded(dependency);
    }
}
