package dev.plinth.lang.wasm.internal.link;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.plinth.core.sandbox.permission.Permission;
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
        if (!acts) {
            return new HostFunction(module, name, type, handle);
        }
        return new HostFunction(module, name, type, (instance, args) -> meter.asPayer(() -> handle.apply(instance,
                args)));
    }

    /** {@return {@code module.name}, as messages name an import} */
    public String qualifiedName() {
        return module + "." + name;
    }
}
