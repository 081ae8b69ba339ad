package dev.plinth.lang.wasm.internal.host;

import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.util.Optional;

/**
 * The WebAssembly plugins that run now, by resource name: what the shell's {@code wasm:call} calls. A service of
 * the host, private to its bundle.
 *
 * <p>Thread-safe; the plugins themselves are called on the game thread.
 */
public interface RunningPlugins {

    /**
     * A running plugin.
     *
     * @param resource the resource name
     * @return the plugin, or empty when no WebAssembly resource of that name runs
     */
    Optional<WasmPlugin> plugin(String resource);
}
