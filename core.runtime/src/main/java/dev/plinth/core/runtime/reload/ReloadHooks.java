package dev.plinth.core.runtime.reload;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One running resource's part in a hot reload, the contract every host implements the same way: Lua
 * ({@code mc.on_reload_save/restore}, {@code mc.on_reload}, {@code mc.on_dependency_reload}), JavaScript (the module's
 * {@code onSaveState}, {@code onRestoreState}, {@code onReload}, {@code onDependencyReload}), WebAssembly
 * ({@code on_save_state}, {@code on_restore_state}) and Java plugins (the {@code Plugin} default methods).
 *
 * <p>A whiteboard service: a host registers one for each resource it runs, through that resource bundle's own
 * context (so the registration belongs to the bundle and goes when it stops), once the resource has started. The
 * resource manager finds it by the bundle that registered it. A reload then runs, all on the game thread at one tick
 * boundary: {@link #saveState} in the running version, its stop, the new version's start, {@link #restoreState} and
 * {@link #onReload} in the new version (or, in a resource restarted because a resource it depends on reloaded,
 * {@link #restoreState} and {@link #onDependencyReload}), then the players online are replayed to it. A stop followed
 * later by a start hands nothing over.
 *
 * <p>State crosses class loaders and languages as JSON text ({@link ReloadState}), never as objects.
 *
 * <p>Called on the game thread only, never re-entered. A method that fails throws; the resource manager reports it,
 * naming the resource, and puts the previous version back.
 */
@ConsumerType
public interface ReloadHooks {

    /**
     * Asks the running version for the state its next version receives.
     *
     * @param maxBytes the largest state accepted, in bytes of UTF-8 JSON
     * @return the state, or empty when the resource keeps none (it registered no save hook, or the hook returned
     *     nothing)
     * @throws ReloadStateException when the state is larger than {@code maxBytes} or not JSON-like
     * @throws RuntimeException when the resource's save hook fails (its message names the file and line)
     */
    Optional<ReloadState> saveState(int maxBytes);

    /**
     * Gives the new version the state its previous version saved; called after the new version started (its code
     * ran and its enable hook returned), before {@link #onReload}. A resource without a restore hook ignores it.
     *
     * @param state the state
     * @throws RuntimeException when the restore hook fails
     */
    void restoreState(ReloadState state);

    /**
     * Tells the new version that it replaces a previous one, after its state was restored.
     *
     * @throws RuntimeException when the hook fails
     */
    void onReload();

    /**
     * Tells a resource that a resource it depends on reloaded (it was restarted with it, and its own state was
     * restored first).
     *
     * @param dependency the name of the resource that reloaded
     * @throws RuntimeException when the hook fails
     */
    void onDependencyReload(String dependency);
}
