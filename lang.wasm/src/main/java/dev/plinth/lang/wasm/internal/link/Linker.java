package dev.plinth.lang.wasm.internal.link;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.wasm.internal.failure.LinkException;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Links a module's imports against what the host offers, as the plugin's permissions allow. Every import must be a
 * function the host has, of the same type, and in a granted permission group; the first import that is not fails
 * the link with a message naming it: {@code imports env.mc_set_block, which needs the permission 'world':
 * [permissions] does not grant it}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Linker {

    private Linker() {}

    /**
     * Links a module.
     *
     * @param prefix the resource and module file, for messages
     * @param module the module
     * @param offered the host functions offered to it
     * @param withheld functions the host knows but never links, by {@code module.name}, with the permission group
     *     they would need ({@link Permission#NETWORK}): the message says so rather than that they do not exist
     * @param grants its permissions
     * @param meter the plugin's account, the payer of what the functions that act on the game cause
     * @return the functions its imports resolve to, in import order
     * @throws LinkException when an import cannot be linked
     */
    public static ImportValues link(String prefix, WasmModule module, List<HostImport> offered,
            Map<String, Permission> withheld, Grants grants, FuelMeter meter) {
        Map<String, HostImport> byName = new HashMap<>();
        offered.forEach(function -> byName.put(function.qualifiedName(), function));
        var builder = ImportValues.builder();
        var section = module.importSection();
        for (int i = 0; i < section.importCount(); i++) {
            Import imported = section.getImport(i);
            String name = imported.module() + "." + imported.name();
            if (imported.importType() != ExternalType.FUNCTION) {
                throw new LinkException(imported.module(), imported.name(), prefix + ": imports the "
                        + imported.importType().name().toLowerCase(Locale.ROOT) + " " + name
                        + ", which Plinth does not provide: a plugin defines its own memory, tables and globals");
            }
            HostImport function = byName.get(name);
            if (function == null && withheld.containsKey(name)) {
                Permission group = withheld.get(name);
                throw new LinkException(imported.module(), imported.name(), prefix + ": imports " + name
                        + ", which needs the permission '" + group.id() + "': " + denial(group));
            }
            if (function == null) {
                throw new LinkException(imported.module(), imported.name(), prefix + ": imports " + name
                        + ", which Plinth does not provide" + offeredIn(imported.module(), offered));
            }
            FunctionType expected = module.typeSection().getType(((FunctionImport) imported).typeIndex());
            if (!expected.equals(function.type())) {
                throw new LinkException(imported.module(), imported.name(), prefix + ": imports " + name
                        + " as " + expected + ", but Plinth's " + name + " is " + function.type());
            }
            if (function.permission().isPresent() && !grants.allows(function.permission().get())) {
                Permission group = function.permission().get();
                throw new LinkException(imported.module(), imported.name(), prefix + ": imports " + name
                        + ", which needs the permission '" + group.id() + "': " + denial(group));
            }
            builder.addFunction(function.function(meter));
        }
        return builder.build();
    }

    private static String denial(Permission group) {
        if (!group.grantsApi()) {
            return "Plinth gives plugins no " + (group == Permission.NETWORK ? "network access" : "file system");
        }
        return "[permissions] does not grant it (" + group.id() + " = true would)";
    }

    /** Where a module name is known: the functions of that module the host does offer, or why it has none. */
    private static String offeredIn(String moduleName, List<HostImport> offered) {
        var names = new ArrayList<String>();
        for (HostImport function : offered) {
            if (function.module().equals(moduleName)) {
                names.add(function.name());
            }
        }
        if (names.isEmpty()) {
            return " (no function of module '" + moduleName + "' is offered to this plugin)";
        }
        return names.size() > 20 ? "" : " (module '" + moduleName + "' has " + names.stream().sorted()
                .collect(Collectors.joining(", ")) + ")";
    }
}
