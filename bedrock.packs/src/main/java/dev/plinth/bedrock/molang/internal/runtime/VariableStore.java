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
 * Values by slot, for the variables of an entity or the context values of a call. Numbers live in a
 * {@code double[]} (read without boxing); other values (strings, entities, arrays) beside them. A slot past the
 * arrays' end is unset; the arrays grow when such a slot is written.
 *
 * <p>Not thread-safe.
 */
public final class VariableStore implements MolangVariables {

    private static final byte UNSET = 0;
    private static final byte NUMBER = 1;
    private static final byte VALUE = 2;
    private final SymbolTable symbols;
    private final String[] prefixes;
    private double[] numbers = new double[0];
    private @Nullable MolangValue[] values = new MolangValue[0];
    private byte[] kinds = new byte[0];

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
        double[] n = numbers;
        return slot < n.length ? n[slot] : 0;
    }

    /**
     * Whether a slot holds anything.
     *
     * @param slot the slot
     * @return {@code false} when unset
     */
    public boolean isSet(int slot) {
        return slot < kinds.length && kinds[slot] != UNSET;
    }

    /**
     * Whether a slot holds a number equal to one (an unset slot counts as 0).
     *
     * @param slot the slot
     * @param number the number
     * @return {@code true} when equal
     */
    public boolean numberEquals(int slot, double number) {
        if (slot >= kinds.length || kinds[slot] == UNSET) {
            return number == 0;
        }
        return kinds[slot] == NUMBER && numbers[slot] == number;
    }

    /**
     * A slot's value.
     *
     * @param slot the slot
     * @return the value, or null when unset
     */
    public @Nullable MolangValue value(int slot) {
        if (slot >= kinds.length) {
            return null;
        }
        return switch (kinds[slot]) {
            case NUMBER -> new MolangValue.Number(numbers[slot]);
            case VALUE -> values[slot];
            default -> null;
        };
    }

    /**
     * Sets a slot to a number.
     *
     * @param slot the slot
     * @param number the number
     */
    public void setNumber(int slot, double number) {
        if (slot >= kinds.length) {
            grow(slot);
        }
        numbers[slot] = number;
        if (kinds[slot] != NUMBER) {
            // only when the kind changes: a reference store costs a GC barrier, a number store does not
            values[slot] = null;
            kinds[slot] = NUMBER;
        }
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
            return;
        }
        if (slot >= kinds.length) {
            if (value == null) {
                return;
            }
            grow(slot);
        }
        numbers[slot] = 0;
        values[slot] = value;
        kinds[slot] = value == null ? UNSET : VALUE;
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
        int size = Math.max(slot + 1, Math.max(8, kinds.length * 2));
        numbers = Arrays.copyOf(numbers, size);
        values = Arrays.copyOf(values, size);
        kinds = Arrays.copyOf(kinds, size);
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
        Arrays.fill(numbers, 0);
        Arrays.fill(values, null);
        Arrays.fill(kinds, UNSET);
    }

    @Override
    public Map<String, MolangValue> snapshot() {
        var all = new TreeMap<String, MolangValue>();
        for (int slot = 0; slot < kinds.length; slot++) {
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
