package dev.plinth.lang.wasm.internal.module;

import com.dylibso.chicory.runtime.TableFactory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import dev.plinth.lang.wasm.internal.failure.ModuleException;

/**
 * The entries a plugin's tables may have, all of them together: {@value #MAX_ENTRIES}. Chicory keeps a table as two
 * Java arrays (a reference and an instance per entry, about 8 bytes), outside the linear memory the memory limit
 * counts, so without a cap one {@code table.grow} could take hundreds of megabytes of the server's heap. A module
 * declaring more initial entries is refused when it loads; each instance gets its tables with their maximum clamped
 * (to the cap shared out among them), so that {@code table.grow} past it returns -1, as at a declared maximum.
 *
 * <p>Stateless; thread-safe.
 */
public final class TableCap {

    /** The entries all of a plugin's tables may have together: 2^20, about 8 MiB of Java heap. */
    public static final int MAX_ENTRIES = 1 << 20;

    private TableCap() {}

    /**
     * Checks a module's declared tables, off the game thread, before it is instantiated.
     *
     * @param file the module's file, for the message
     * @param module the parsed module
     * @throws ModuleException when its tables declare more initial entries than {@link #MAX_ENTRIES}
     */
    static void check(String file, WasmModule module) {
        long initial = 0;
        for (int i = 0; i < module.tableSection().tableCount(); i++) {
            initial += module.tableSection().getTable(i).limits().min();
        }
        if (initial > MAX_ENTRIES) {
            throw new ModuleException(file + ": declares tables of " + initial + " entries, more than a plugin may "
                    + "have: " + MAX_ENTRIES);
        }
    }

    /**
     * The table factory of a module's instances: each table gets fresh limits (Chicory grows a table's limits in
     * place, which would otherwise carry one instance's growth into the module's next instance) with a maximum of
     * at most its share of {@link #MAX_ENTRIES}, and never below what it declares initially.
     *
     * @param module the module, checked by {@link #check}
     * @return the factory
     */
    public static TableFactory factory(WasmModule module) {
        long share = MAX_ENTRIES / Math.max(1, module.tableSection().tableCount());
        return (table, initialValue) -> {
            TableLimits declared = table.limits();
            long max = Math.max(declared.min(), Math.min(declared.max(), share));
            return new TableInstance(new Table(table.elementType(), new TableLimits(declared.min(), max,
                    declared.shared()), table.initialize()), initialValue);
        };
    }
}
