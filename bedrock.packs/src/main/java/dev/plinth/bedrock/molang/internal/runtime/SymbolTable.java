package dev.plinth.bedrock.molang.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Numbers the names of one kind of variable ({@code variable.*} or {@code context.*}) of one runtime: a name keeps
 * its slot for the runtime's life, so that every expression and store of the runtime agree. Compiled code reads a
 * slot, never a name.
 *
 * <p>Thread-safe: expressions compile concurrently.
 */
public final class SymbolTable {

    /** Creates the empty table. */
    public SymbolTable() {
        // nothing to set up
    }

    /** The most names one table numbers; past it, compiling an expression with a new name fails. */
    public static final int MAX_NAMES = 65_536;

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

    private final Map<String, Integer> slots = new ConcurrentHashMap<>();
    private final List<String> names = new ArrayList<>();

    /**
     * The slot of a name, numbering it the first time.
     *
     * @param name a lower-case Molang name
     * @return its slot
     * @throws IllegalStateException when the table is full
     */
    public int slot(String name) {
        Integer slot = slots.get(name);
        return slot != null ? slot : add(name);
    }

    private synchronized int add(String name) {
        Integer slot = slots.get(name);
        if (slot != null) {
            return slot;
        }
        if (names.size() >= MAX_NAMES) {
            throw new IllegalStateException("more than " + MAX_NAMES + " variable names");
        }
        names.add(name);
        slots.put(name, names.size() - 1);
        return names.size() - 1;
    }

    /**
     * The slot of a name a host gives, numbering it the first time.
     *
     * @param name a name in any letter case, with or without its namespace prefix
     * @param prefixes the prefixes to drop ({@code variable.}, {@code v.})
     * @return its slot
     * @throws IllegalArgumentException when the name is not a Molang name
     */
    public int hostSlot(String name, String... prefixes) {
        String key = key(name, prefixes);
        if (!NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a Molang name: letters, digits and _, "
                    + "parts separated by dots");
        }
        return slot(key);
    }

    /**
     * A host's name as compiled code knows it: lower case, without its namespace prefix.
     *
     * @param name a name in any letter case
     * @param prefixes the prefixes to drop
     * @return the key
     */
    public static String key(String name, String... prefixes) {
        String key = name.toLowerCase(Locale.ROOT);
        for (String prefix : prefixes) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    /**
     * The slot a name already has.
     *
     * @param name a lower-case name
     * @return its slot, or -1 when no expression or store used it yet
     */
    public int existingSlot(String name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }

    /**
     * The name of a slot.
     *
     * @param slot a slot this table gave
     * @return its name
     */
    public synchronized String name(int slot) {
        return names.get(slot);
    }
}
