package dev.plinth.lang.wasm.internal.abi;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.failure.ModuleException;
import java.util.List;
import java.util.Optional;

/**
 * Checks a module's exports against the types an ABI gives them: an export an ABI calls must have exactly its type,
 * or the plugin does not start ({@code welcome.wasm: exports on_player_chat as (I64) -> nil, the MC-RS design ABI
 * calls it as (I64,I32,I32) -> (I32)}).
 */
public final class Exports {

    private Exports() {}

    /**
     * An export the ABI calls when it is present.
     *
     * @param guest the instance
     * @param abi the ABI's name, for messages
     * @param name the export
     * @param params its expected parameter types
     * @param results its expected result types
     * @return whether the module exports it (with the right type)
     * @throws ModuleException when it exports it with another type
     */
    public static boolean optional(Guest guest, String abi, String name, List<ValType> params, List<ValType> results) {
        Optional<FunctionType> type = guest.exportType(name);
        if (type.isEmpty()) {
            return false;
        }
        FunctionType expected = FunctionType.of(params, results);
        if (!type.get().equals(expected)) {
            throw new ModuleException(guest.prefix() + ": exports " + name + " as " + type.get() + ", " + abi
                    + " calls it as " + expected);
        }
        return true;
    }

    /**
     * An export the ABI needs.
     *
     * @param guest the instance
     * @param abi the ABI's name, for messages
     * @param name the export
     * @param params its expected parameter types
     * @param results its expected result types
     * @param why why it is needed, for the message ({@code it exports on_player_chat, which receives a string})
     * @throws ModuleException when it is missing or has another type
     */
    public static void required(Guest guest, String abi, String name, List<ValType> params, List<ValType> results,
            String why) {
        if (!optional(guest, abi, name, params, results)) {
            throw new ModuleException(guest.prefix() + ": does not export " + name + " " + FunctionType.of(params,
                    results) + ", which " + abi + " needs: " + why);
        }
    }
}
