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
 * Values by slot, for the variables of an entity or the context values of a call. Each slot has two cells of one
 * {@code long[]}, its kind (unset, number, other value) and its number's bits, side by side: reading a number is
 * one array read, and writing a number where a number was (the usual case) is one integer compare of the kind and
 * one write, in one cache line, behind one bounds check. The kind is an integer, not a double: a double compare
 * costs a load, a floating-point compare and two branches (one for NaN). Other values (strings, entities, arrays)
 * live beside them. A slot past the array's end is unset; the arrays grow when such a slot is written.
 *
 * <p>Not thread-safe.
 */
public final class VariableStore implements MolangVariables {

    private static final long UNSET = 0;
    private static final long NUMBER = 1;
    private static final long VALUE = 2;
    private final SymbolTable symbols;
    private final String[] prefixes;
    /** Slot {@code s}: its kind at {@code 2s}, its number's bits at {@code 2s + 1} (0 when not a number). */
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

    /**
     * A slot as a number.
     *
     * @param slot the slot
     * @return the number; 0 when unset or not a number
     */
    public double number(int slot) {
        long[] c = cells;
        int at = (slot << 1) + 1;
        return at < c.length ? Double.longBitsToDouble(c[at]) : 0;
    }

    private long kind(int slot) {
        long[] c = cells;
        int at = slot << 1;
        return at < c.length ? c[at] : UNSET;
    }

    /**
     * Whether a slot holds anything.
     *
     * @param slot the slot
     * @return {@code false} when unset
     */
    public boolean isSet(int slot) {
        return kind(slot) != UNSET;
    }

    /**
     * Whether a slot holds a number equal to one (an unset slot counts as 0).
     *
     * @param slot the slot
     * @param number the number
     * @return {@code true} when equal
     */
    public boolean numberEquals(int slot, double number) {
        long kind = kind(slot);
        if (kind == UNSET) {
            return number == 0;
        }
        return kind == NUMBER && Double.longBitsToDouble(cells[(slot << 1) + 1]) == number;
    }

    /**
     * A slot's value.
     *
     * @param slot the slot
     * @return the value, or null when unset
     */
    public @Nullable MolangValue value(int slot) {
        long kind = kind(slot);
        if (kind == NUMBER) {
            return new MolangValue.Number(Double.longBitsToDouble(cells[(slot << 1) + 1]));
        }
        return kind == VALUE ? values[slot] : null;
    }

    /**
     * Sets a slot to a number.
     *
     * @param slot the slot
     * @param number the number
     */
    public void setNumber(int slot, double number) {
        long[] c = cells;
        int at = slot << 1;
        if (at + 1 < c.length && c[at] == NUMBER) {
            c[at + 1] = Double.doubleToRawLongBits(number);
            return;
        }
        setKind(slot, NUMBER, number, null);
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
            setKind(slot, VALUE, 0, value);
        } else if (slot < values.length) {
            setKind(slot, UNSET, 0, null);
        }
    }

    /** Changes a slot's kind: its number, kind and value together (a reference store only here). */
    private void setKind(int slot, long kind, double number, @Nullable MolangValue value) {
        if (slot >= values.length) {
            grow(slot);
        }
        cells[slot << 1] = kind;
        cells[(slot << 1) + 1] = Double.doubleToRawLongBits(number);
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
        cells = Arrays.copyOf(cells, size * 2);
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
        Arrays.fill(cells, 0);
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
