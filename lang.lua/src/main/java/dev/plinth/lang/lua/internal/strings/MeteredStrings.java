package dev.plinth.lang.lua.internal.strings;

import java.util.List;
import org.luaj.vm2.LuaTable;

/**
 * The string library as scripts get it: every function whose work grows with its input charges the calling
 * resource's meter for it, so library calls count like Lua code and the watchdog's interrupt reaches them. Pattern
 * matching and searching run on Plinth's metered matcher ({@link LuaPattern}), {@code rep} and {@code byte} are
 * bounded before they allocate, the others are charged by size; {@code len} and {@code char} cost what one
 * instruction does.
 */
public final class MeteredStrings {

    private static final List<String> CHARGED = List.of("sub", "upper", "lower", "reverse", "format");

    private MeteredStrings() {}

    /**
     * Replaces the functions of a string library table built by LuaJ.
     *
     * @param library the table
     */
    public static void install(LuaTable library) {
        PatternFunctions.install(library);
        library.rawset("rep", new BoundedRep());
        library.rawset("byte", new BoundedByte(library.rawget("byte")));
        for (String name : CHARGED) {
            library.rawset(name, new ChargedFunction(library.rawget(name)));
        }
    }
}
