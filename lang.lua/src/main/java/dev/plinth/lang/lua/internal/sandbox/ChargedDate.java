package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.binding.GuardedFunction;
import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code os.date} charged for its format before it runs: LuaJ formats each conversion ({@code %c}) through Java's
 * calendar, microseconds each, within one call the budget and the watchdog do not see into, so a format of a few
 * megabytes kept the thread seconds. Each byte of the format costs {@value #PER_BYTE} instructions, which a date
 * written as scripts write them ({@code "%Y-%m-%d %H:%M:%S"}) barely notices.
 */
final class ChargedDate extends GuardedFunction {

    /** About what one conversion costs, in the time of interpreted instructions. */
    static final int PER_BYTE = 100;

    ChargedDate(LuaValue date) {
        super(date);
    }

    @Override
    protected void check(Varargs args) {
        LuaValue format = args.arg1();
        if (format.isstring()) {
            Meter.current().charge((int) Math.min(Integer.MAX_VALUE, (long) format.rawlen() * PER_BYTE));
        }
    }
}
