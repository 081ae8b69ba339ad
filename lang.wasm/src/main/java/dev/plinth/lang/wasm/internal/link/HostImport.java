package dev.plinth.lang.wasm.internal.link;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function the host offers a module, with the permission group a module must be granted to import it.
 *
 * @param module the import module ({@code env}, {@code mcrs}, {@code extism:host/user})
 * @param name the function's name ({@code mc_set_block})
 * @param type its WebAssembly type
 * @param permission the permission group it needs, empty when every module may import it
 * @param acts whether it acts on the game (and may so cause events whose handlers run in other resources, which
 *     the plugin then pays for); {@code false} for what only reads, logs or moves bytes
 * @param handle what it does
 */
public record HostImport(String module, String name, FunctionType type, Optional<Permission> permission,
        boolean acts, WasmFunctionHandle handle) {

    /** Validates the components. */
    public HostImport {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(handle, "handle");
    }

    /**
     * A function every module may import.
     *
     * @param module the import module
     * @param name the name
     * @param params its parameter types
     * @param results its result types
     * @param handle what it does
     * @return the import
     */
    public static HostImport of(String module, String name, List<ValType> params, List<ValType> results,
            WasmFunctionHandle handle) {
        return new HostImport(module, name, FunctionType.of(params, results), Optional.empty(), true, handle);
    }

    /**
     * This function, importable only with a permission.
     *
     * @param group the permission group ({@link Permission#WORLD})
     * @return the import
     */
    public HostImport needs(Permission group) {
        return new HostImport(module, name, type, Optional.of(group), acts, handle);
    }

    /** {@return this function, marked as one that only reads the game, logs or moves bytes} */
    public HostImport readOnly() {
        return new HostImport(module, name, type, permission, false, handle);
    }

    /**
     * The function as Chicory links it.
     *
     * @param meter the plugin's account: a function that acts on the game runs with the plugin as the payer
     * @return the function
     */
    HostFunction function(FuelMeter meter) {
        WasmFunctionHandle guarded = (instance, args) -> {
            try {
                return handle.apply(instance, args);
            } catch (ChicoryException | PluginException e) {
                throw e; // a trap, an interrupt, proc_exit, a nested call's failure: the module's own
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw failed(e);
            }
        };
        if (!acts) {
            return new HostFunction(module, name, type, guarded);
        }
        return new HostFunction(module, name, type, (instance, args) -> meter.asPayer(() -> guarded.apply(instance,
                args)));
    }

    /**
     * What the game threw while this function worked for the module (a value it refuses, a bug): a trap of the call
     * naming the function and the exception, so that it counts as the module's offence and never escapes as a Java
     * exception into the code that called the module.
     */
    private TrapException failed(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        var trap = new TrapException(name + " failed: " + message);
        trap.initCause(e);
        return trap;
    }

    /** {@return {@code module.name}, as messages name an import} */
    public String qualifiedName() {
        return module + "." + name;
    }
}
