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
 * cell: a number's bits, or one of two bit patterns that no number stores (unset, other value). The first
 * {@value #FIELD_SLOTS} slots are fields of the store ({@code slot0}, {@code slot1}, …), as JavaScript engines keep
 * an object's first properties in the object itself: compiled expressions read and write them with one field access
 * instead of a load of the array, its length check and the cell (measured with JMH on a loaded machine: an
 * assignment 1.50x the hand-written field write through array cells, 1.22x through fields; on a quiet machine both
 * measure alike, the evaluation's entry check dominating). The slots after them are cells of an array, which grows
 * when a slot past its end is written.
 *
 * <p>Reading a number is one read and one compare; writing a number is one write (behind a bounds check for array
 * cells) and one compare of the number with itself, with no read of what the slot held before. Other values
 * (strings, entities, arrays) live beside them; a value a number replaced stays referenced until its slot holds a
 * value again or the store is cleared, so an overwritten entity reference is released no later than the store's
 * owner.
 *
 * <p>A number's cell holds its bits, every NaN written as the canonical one ({@link Double#doubleToLongBits}): the
 * two signalling-NaN patterns that mark unset and other values are never a number's, whatever NaN a host or a query
 * hands over.
 *
 * <p>Not thread-safe.
 */
public final class VariableStore implements MolangVariables {

    /** How many slots are fields of the store; compiled code accesses slot {@code s} as the field {@code slot<s>}. */
    public static final int FIELD_SLOTS = 16;
    /** The name of the field that holds slot {@code s} (below {@link #FIELD_SLOTS}) is this and the number. */
    public static final String FIELD_PREFIX = "slot";

    /** The cell of an unset slot: a signalling NaN, which no number's cell holds. */
    private static final long UNSET = 0x7ff0_0000_0000_0001L;
    /** The cell of a slot holding another value: another such NaN. */
    private static final long VALUE = 0x7ff0_0000_0000_0002L;
    private final SymbolTable symbols;
    private final String[] prefixes;
    /** Slot 0's cell. */
    public long slot0 = UNSET;
    /** Slot 1's cell. */
    public long slot1 = UNSET;
    /** Slot 2's cell. */
    public long slot2 = UNSET;
    /** Slot 3's cell. */
    public long slot3 = UNSET;
    /** Slot 4's cell. */
    public long slot4 = UNSET;
    /** Slot 5's cell. */
    public long slot5 = UNSET;
    /** Slot 6's cell. */
    public long slot6 = UNSET;
    /** Slot 7's cell. */
    public long slot7 = UNSET;
    /** Slot 8's cell. */
    public long slot8 = UNSET;
    /** Slot 9's cell. */
    public long slot9 = UNSET;
    /** Slot 10's cell. */
    public long slot10 = UNSET;
    /** Slot 11's cell. */
    public long slot11 = UNSET;
    /** Slot 12's cell. */
    public long slot12 = UNSET;
    /** Slot 13's cell. */
    public long slot13 = UNSET;
    /** Slot 14's cell. */
    public long slot14 = UNSET;
    /** Slot 15's cell. */
    public long slot15 = UNSET;
    /** Slot {@code FIELD_SLOTS + i}: cell {@code i}. */
    private long[] cells = new long[0];
    /** Slot {@code s}: the value whose cell is {@link #VALUE}. */
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
        return switch (slot) {
            case 0 -> slot0;
            case 1 -> slot1;
            case 2 -> slot2;
            case 3 -> slot3;
            case 4 -> slot4;
            case 5 -> slot5;
            case 6 -> slot6;
            case 7 -> slot7;
            case 8 -> slot8;
            case 9 -> slot9;
            case 10 -> slot10;
            case 11 -> slot11;
            case 12 -> slot12;
            case 13 -> slot13;
            case 14 -> slot14;
            case 15 -> slot15;
            default -> {
                long[] c = cells;
                int cell = slot - FIELD_SLOTS;
                yield cell < c.length ? c[cell] : UNSET;
            }
        };
    }

    /** Writes a slot's cell, growing the array for a slot past its end when the cell is not unset. */
    private void setBits(int slot, long bits) {
        switch (slot) {
            case 0 -> slot0 = bits;
            case 1 -> slot1 = bits;
            case 2 -> slot2 = bits;
            case 3 -> slot3 = bits;
            case 4 -> slot4 = bits;
            case 5 -> slot5 = bits;
            case 6 -> slot6 = bits;
            case 7 -> slot7 = bits;
            case 8 -> slot8 = bits;
            case 9 -> slot9 = bits;
            case 10 -> slot10 = bits;
            case 11 -> slot11 = bits;
            case 12 -> slot12 = bits;
            case 13 -> slot13 = bits;
            case 14 -> slot14 = bits;
            case 15 -> slot15 = bits;
            default -> {
                int cell = slot - FIELD_SLOTS;
                if (cell < cells.length) {
                    cells[cell] = bits;
                } else if (bits != UNSET) { // a slot past the end is unset already
                    growCells(cell);
                    cells[cell] = bits;
                }
            }
        }
    }

    /**
     * A cell's number, for compiled code that read a field slot: 0 for an unset slot or another value.
     *
     * @param bits the cell
     * @return the number
     */
    public static double numberOf(long bits) {
        double number = Double.longBitsToDouble(bits);
        // NaN is rare: only then can the bits be one of the two markers
        return number == number || bits != UNSET && bits != VALUE ? number : 0;
    }

    /**
     * A slot as a number.
     *
     * @param slot the slot
     * @return the number; 0 when unset or not a number
     */
    public double number(int slot) {
        return numberOf(bits(slot));
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
        setBits(slot, Double.doubleToLongBits(number));
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
            if (slot >= values.length) {
                values = Arrays.copyOf(values, Math.max(slot + 1, values.length * 2));
            }
            values[slot] = value;
            setBits(slot, VALUE);
        } else {
            if (slot < values.length) {
                values[slot] = null;
            }
            setBits(slot, UNSET);
        }
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

    private void growCells(int cell) {
        int size = Math.max(cell + 1, Math.max(8, cells.length * 2));
        int old = cells.length;
        cells = Arrays.copyOf(cells, size);
        Arrays.fill(cells, old, size, UNSET);
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
        slot0 = UNSET;
        slot1 = UNSET;
        slot2 = UNSET;
        slot3 = UNSET;
        slot4 = UNSET;
        slot5 = UNSET;
        slot6 = UNSET;
        slot7 = UNSET;
        slot8 = UNSET;
        slot9 = UNSET;
        slot10 = UNSET;
        slot11 = UNSET;
        slot12 = UNSET;
        slot13 = UNSET;
        slot14 = UNSET;
        slot15 = UNSET;
        Arrays.fill(cells, UNSET);
        Arrays.fill(values, null);
    }

    @Override
    public Map<String, MolangValue> snapshot() {
        var all = new TreeMap<String, MolangValue>();
        for (int slot = 0; slot < FIELD_SLOTS + cells.length; slot++) {
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
