package dev.plinth.lang.wasm.internal.abi;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Import;
import dev.plinth.lang.wasm.internal.failure.ModuleException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The ABIs a WebAssembly plugin may be built for, told apart by its manifest first and its imports second, never by
 * its file names:
 * <ol>
 *   <li>{@code abi = "env" | "mcrs" | "extism"} under {@code [plugin]} decides;
 *   <li>else {@code wasm_file} or a {@code [limits]} table (the released MC-RS manifest) means {@link #MCRS};
 *   <li>else the imports: module {@code mcrs} means {@link #MCRS}, {@code extism:host/*} {@link #EXTISM},
 *       {@code env} {@link #ENV}; imports of two of them are refused;
 *   <li>else the exports: {@code __on_event}, {@code __on_enable} or {@code __malloc} mean {@link #MCRS};
 *   <li>else {@link #ENV}, the design document's ABI.
 * </ol>
 */
public enum AbiKind {
    /** The MC-RS design document's ABI: module {@code env}, {@code mc_*}, {@code on_*}. */
    ENV("env", "the MC-RS design ABI"),
    /** The released MC-RS's ABI: module {@code mcrs}, {@code __on_event} JSON. */
    MCRS("mcrs", "the released MC-RS ABI"),
    /** Extism PDK plugins: {@code extism:host/env}, JSON in and out. */
    EXTISM("extism", "the Extism ABI");

    private final String id;
    private final String title;

    AbiKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** {@return the ABI as a manifest names it ({@code abi = "extism"})} */
    public String id() {
        return id;
    }

    /** {@return the ABI as messages name it} */
    public String title() {
        return title;
    }

    /**
     * Tells a plugin's ABI.
     *
     * @param prefix the resource and module file, for messages
     * @param declared the manifest's {@code abi}, if any
     * @param releasedManifest whether the manifest is the released MC-RS's ({@code wasm_file} or {@code [limits]})
     * @param module the module
     * @return the ABI
     * @throws ModuleException when the manifest names an unknown ABI, or the module imports from two ABIs
     */
    public static AbiKind detect(String prefix, Optional<String> declared, boolean releasedManifest,
            WasmModule module) {
        if (declared.isPresent()) {
            for (AbiKind kind : values()) {
                if (kind.id.equals(declared.get())) {
                    return kind;
                }
            }
            throw new ModuleException(prefix + ": abi '" + declared.get() + "' is not one Plinth knows: env, mcrs, "
                    + "extism");
        }
        if (releasedManifest) {
            return MCRS;
        }
        Set<AbiKind> imported = new LinkedHashSet<>();
        var section = module.importSection();
        for (int i = 0; i < section.importCount(); i++) {
            Import imp = section.getImport(i);
            if (imp.module().equals("mcrs")) {
                imported.add(MCRS);
            } else if (imp.module().startsWith("extism:host/")) {
                imported.add(EXTISM);
            } else if (imp.module().equals("env") && imp.name().startsWith("mc_")) {
                imported.add(ENV);
            }
        }
        if (imported.size() > 1) {
            throw new ModuleException(prefix + ": imports functions of " + String.join(" and ",
                    imported.stream().map(AbiKind::title).toList()) + "; a plugin is built for one ABI (name it with "
                    + "abi = \"env\", \"mcrs\" or \"extism\" under [plugin])");
        }
        if (imported.size() == 1) {
            return imported.iterator().next();
        }
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            String name = exports.getExport(i).name();
            if (exports.getExport(i).exportType() == ExternalType.FUNCTION
                    && (name.equals("__on_event") || name.equals("__on_enable") || name.equals("__malloc"))) {
                return MCRS;
            }
        }
        return ENV;
    }
}
