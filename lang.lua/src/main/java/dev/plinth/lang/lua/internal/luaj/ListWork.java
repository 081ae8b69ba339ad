package dev.plinth.lang.lua.internal.luaj;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * What {@code table.sort}, {@code table.insert(t, pos, v)} and {@code table.remove(t, pos)} do to a list, charged to
 * the script: LuaJ sorts and shifts in Java without counting, so one call sorting a million values, or moving a
 * million values up by one, ran a third of a second for one instruction, and a handler doing it in a loop held the
 * game thread for seconds within its budget. A sort of {@code n} values costs {@code n log2 n /}
 * {@value #SORT_STEPS_PER_UNIT} instructions before it starts (a comparator written in Lua pays for its own code as
 * well); moving values costs one instruction per value moved, charged as the move goes.
 *
 * <p>Stateless: any thread (a table is used by one resource's thread at a time).
 */
public final class ListWork {

    /** Sorts below this length are not worth a look at the meter. */
    static final int SMALL_SORT = 64;
    /** Steps of a sort ({@code n log2 n} for {@code n} values) per instruction charged. */
    static final int SORT_STEPS_PER_UNIT = 4;
    /** Values moved between two charges. */
    static final int MOVES_PER_CHARGE = 256;

    private ListWork() {}

    /**
     * Before LuaJ sorts the first values of a table's array part ({@code LuaTable.heapSort}).
     *
     * @param count how many values it sorts
     * @throws org.luaj.vm2.LuaError when the sort's cost breaks the call's budget
     */
    public static void sort(int count) {
        if (count >= SMALL_SORT) {
            long levels = Integer.SIZE - Integer.numberOfLeadingZeros(count);
            Work.charge(count * levels / SORT_STEPS_PER_UNIT);
        }
    }

    /**
     * {@code LuaTable.insert(int, LuaValue)}: puts a value at a position, moving the values from there up by one,
     * up to the first {@code nil}; position 0 appends.
     *
     * @param list the table
     * @param position where, from 1; 0 for after the last value
     * @param value the value; {@code nil} changes nothing
     * @throws org.luaj.vm2.LuaError when the moves break the call's budget
     */
    public static void insert(LuaTable list, int position, LuaValue value) {
        int at = position == 0 ? list.rawlen() + 1 : position;
        int moved = 0;
        for (LuaValue carried = value; !carried.isnil(); moved++) {
            LuaValue next = list.rawget(at);
            list.rawset(at++, carried);
            carried = next;
            if (moved % MOVES_PER_CHARGE == MOVES_PER_CHARGE - 1) {
                Work.charge(MOVES_PER_CHARGE);
            }
        }
    }

    /**
     * {@code LuaTable.remove(int)}: takes out the value at a position, moving the values after it down by one, up to
     * the first {@code nil}; position 0 removes the last value.
     *
     * @param list the table
     * @param position where, from 1; 0 for the last value
     * @return the value removed, or none when there was none
     * @throws org.luaj.vm2.LuaError when the moves break the call's budget
     */
    public static LuaValue remove(LuaTable list, int position) {
        int length = list.rawlen();
        int at = position == 0 ? length : position;
        if (at > length) {
            return LuaValue.NONE;
        }
        LuaValue removed = list.rawget(at);
        int moved = 0;
        for (LuaValue next = removed; !next.isnil(); moved++) {
            next = list.rawget(at + 1);
            list.rawset(at++, next);
            if (moved % MOVES_PER_CHARGE == MOVES_PER_CHARGE - 1) {
                Work.charge(MOVES_PER_CHARGE);
            }
        }
        return removed.isnil() ? LuaValue.NONE : removed;
    }
}
