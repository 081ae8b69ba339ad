package dev.plinth.bedrock.molang.internal.runtime;

import static java.util.Objects.requireNonNull;

import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.MolangVariables;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Values by slot, for the variables of an entity or the context values of a call. Each slot is one {@code long}
 * cell: a number's bits, or one of two bit patterns that no number stores (unset, other value). Reading a number is
 * one array read and one compare; writing a number is one array write behind one bounds check and one compare of
 * the number with itself, with no read of what the slot held before. Other values (strings, entities, arrays) live beside them; a value a number replaced stays
 * referenced until its slot holds a value again or the store is cleared, so an overwritten entity reference is
 * released no later than the store's owner. A slot past the array's end, or of a fresh array (filled with the unset
 * pattern), is unset; the arrays grow when such a slot is written.
 *
 * <p>A number's cell holds its raw bits, every NaN written as the canonical one: the two signalling-NaN patterns
 * that mark unset and other values are never a number's, whatever NaN a host or a query hands over.
 *
 * <p>Not thread-safe.
 */
public final class VariableStore implements MolangVariables {

    /** The cell of an unset slot: a signalling NaN, which no number's cell holds. */
    private static final long UNSET = 0x7ff0_0000_0000_0001L;
    /** The cell of a slot holding another value: another such NaN. */
    private static final long VALUE = 0x7ff0_0000_0000_0002L;
    private static final long NAN = Double.doubleToLongBits(Double.NaN);
    private final SymbolTable symbols;
    private final String[] prefixes;
    /** Slot {@code s}: its cell, as the class comment says. */
    private long[] cells = new long[0];
    private @Nullable MolangValue[] values = new MolangValue[0];

    /**
     * Creates an empty store.
     *
     * @param symbols the table that numbers this store's names
     * @param prefixes the namespace prefixes a host may write before a name ({@code variable.}, {@code v.})
     */
    public VariableStore(SymbolTable symbols, String... prefixes) {
        this.symbols = symbols;
        this.prefixes = prefixes.clone();
    }

    /**
     * The table that numbers this store's names.
     *
     * @return the symbol table
     */
    public SymbolTable symbols() {
        return symbols;
    }

    /** A slot's cell: a number's bits, {@link #UNSET} or {@link #VALUE}. */
    private long bits(int slot) {
        long[] c = cells;
        return slot < c.length ? c[slot] : UNSET;
    }

    /**
     * A slot as a number.
     *
     * @param slot the slot
     * @return the number; 0 when unset or not a number
     */
    public double number(int slot) {
        long bits = bits(slot);
        double number = Double.longBitsToDouble(bits);
        // NaN is rare: only then can the bits be one of the two markers
        return number == number || bits != UNSET && bits != VALUE ? number : 0;
    }

    /**
     * Whether a slot holds anything.
     *
     * @param slot the slot
     * @return {@code false} when unset
     */
    public boolean isSet(int slot) {
        return bits(slot) != UNSET;
    }

    /**
     * Whether a slot holds a number equal to one (an unset slot counts as 0).
     *
     * @param slot the slot
     * @param number the number
     * @return {@code true} when equal
     */
    public boolean numberEquals(int slot, double number) {
        long bits = bits(slot);
        if (bits == UNSET) {
            return number == 0;
        }
        return bits != VALUE && Double.longBitsToDouble(bits) == number;
    }

    /**
     * A slot's value.
     *
     * @param slot the slot
     * @return the value, or null when unset
     */
    public @Nullable MolangValue value(int slot) {
        long bits = bits(slot);
        if (bits == VALUE) {
            return values[slot];
        }
        return bits == UNSET ? null : new MolangValue.Number(Double.longBitsToDouble(bits));
    }

    /**
     * Sets a slot to a number.
     *
     * @param slot the slot
     * @param number the number
     */
    public void setNumber(int slot, double number) {
        long[] c = cells;
        if (slot < c.length) {
            c[slot] = number == number ? Double.doubleToRawLongBits(number) : NAN;
            return;
        }
        set(slot, Double.doubleToLongBits(number), null);
    }

    /**
     * Sets a slot to a value; a number is stored as a number, null unsets the slot.
     *
     * @param slot the slot
     * @param value the value
     */
    public void setValue(int slot, @Nullable MolangValue value) {
        if (value instanceof MolangValue.Number number) {
            setNumber(slot, number.value());
        } else if (value != null) {
            set(slot, VALUE, value);
        } else if (slot < values.length) {
            set(slot, UNSET, null);
        }
    }

    /** Sets a slot's cell and its value together (a reference store only here). */
    private void set(int slot, long bits, @Nullable MolangValue value) {
        if (slot >= values.length) {
            grow(slot);
        }
        cells[slot] = bits;
        values[slot] = value;
    }

    /**
     * Sets a slot to a number and yields it, for an assignment whose value is used.
     *
     * @param slot the slot
     * @param number the number
     * @return the number
     */
    public double assignNumber(int slot, double number) {
        setNumber(slot, number);
        return number;
    }

    /**
     * Sets a slot to a value and yields it, for an assignment whose value is used.
     *
     * @param slot the slot
     * @param value the value, null to unset
     * @return the value
     */
    public @Nullable MolangValue assignValue(int slot, @Nullable MolangValue value) {
        setValue(slot, value);
        return value;
    }

    private void grow(int slot) {
        int size = Math.max(slot + 1, Math.max(8, values.length * 2));
        int old = cells.length;
        cells = Arrays.copyOf(cells, size);
        Arrays.fill(cells, old, size, UNSET);
        values = Arrays.copyOf(values, size);
    }

    @Override
    public double number(String name) {
        int slot = symbols.existingSlot(key(name));
        return slot < 0 ? 0 : number(slot);
    }

    @Override
    public Optional<MolangValue> value(String name) {
        int slot = symbols.existingSlot(key(name));
        return slot < 0 ? Optional.empty() : Optional.ofNullable(value(slot));
    }

    @Override
    public void set(String name, double value) {
        setNumber(symbols.hostSlot(name, prefixes), value);
    }

    @Override
    public void set(String name, MolangValue value) {
        setValue(symbols.hostSlot(name, prefixes), requireNonNull(value, "value"));
    }

    @Override
    public void remove(String name) {
        int slot = symbols.existingSlot(key(name));
        if (slot >= 0) {
            setValue(slot, null);
        }
    }

    @Override
    public void clear() {
        Arrays.fill(cells, UNSET);
        Arrays.fill(values, null);
    }

    @Override
    public Map<String, MolangValue> snapshot() {
        var all = new TreeMap<String, MolangValue>();
        for (int slot = 0; slot < values.length; slot++) {
            MolangValue value = value(slot);
            if (value != null) {
                all.put(symbols.name(slot), value);
            }
        }
        return all;
    }

    private String key(String name) {
        return SymbolTable.key(name, prefixes);
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
