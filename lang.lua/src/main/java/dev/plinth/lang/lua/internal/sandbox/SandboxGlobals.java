package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.engine.ScriptConsole;
import dev.plinth.lang.lua.internal.limits.Meter;
import dev.plinth.lang.lua.internal.limits.MeteringDebugLib;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.MathLib;
import org.luaj.vm2.lib.OsLib;
import org.luaj.vm2.lib.TableLib;

/**
 * The whitelisted environment of one Lua resource: the base functions without those that load code or files
 * ({@code load}, {@code loadstring}, {@code dofile}, {@code loadfile}), {@code string} without {@code dump},
 * {@code table}, {@code math}, {@code bit32}, {@code coroutine}, {@code os} with only {@code time}, {@code clock} and
 * {@code date}, a {@code require} that reads the resource's own files, and a {@code print} to the console. No
 * {@code io}, {@code debug}, {@code luajava} or {@code package.loadlib}; no binary chunks (there is no undumper).
 */
public final class SandboxGlobals {

    private static final List<String> REMOVED_BASE = List.of("dofile", "loadfile", "load", "loadstring");
    private static final List<String> KEPT_OS = List.of("time", "clock", "date");
    /**
     * LuaJ's standard output and error, which nothing writes to (no {@code io} library; {@code print} is the host's
     * {@link ScriptPrint}), and which drop what is written to them: one for every resource, since each
     * {@code PrintStream} allocates 24 KiB of buffers, which was a third of what an idle resource kept. No Lua code
     * reaches it, so no resource sees another through it.
     */
    private static final PrintStream DISCARDED = new PrintStream(OutputStream.nullOutputStream());

    private SandboxGlobals() {}

    /**
     * What {@link #create} made.
     *
     * @param globals the resource's globals
     * @param coroutines its coroutine guard, for the host to end its threads
     */
    public record Sandbox(Globals globals, GuardedCoroutines coroutines) {}

    /**
     * Creates the globals of one resource.
     *
     * @param resource the resource name
     * @param meter its meter, installed as the instruction hook
     * @param console where {@code print} goes
     * @param chunks loads the resource's files for {@code require}
     * @param loader turns prototypes into functions (interpreted or compiled)
     * @param parsed a file's parsed chunk, for {@code pcall}'s messages of faults in compiled code
     * @return the globals and their coroutine guard
     */
    public static Sandbox create(String resource, Meter meter, ScriptConsole console, ChunkLoader chunks,
            Globals.Loader loader, Function<String, Optional<Prototype>> parsed) {
        LuaTable string = SharedStringMethods.newStringTable();
        var globals = new Globals();
        var loaded = new LuaTable();
        var packageTable = new LuaTable();
        packageTable.rawset("loaded", loaded);
        globals.rawset("package", packageTable);

        globals.load(new BaseLib());
        globals.load(new Bit32Lib());
        globals.load(new TableLib());
        globals.load(new CoroutineLib());
        globals.load(new MathLib());
        globals.load(new OsLib());

        REMOVED_BASE.forEach(name -> globals.rawset(name, LuaValue.NIL));
        globals.rawset("collectgarbage", new QuietCollectGarbage());
        globals.rawset("print", new ScriptPrint(globals, console));
        globals.rawset("require", new ModuleRequire(resource, loaded, chunks));
        ProtectedCalls.install(globals, parsed);

        globals.rawset("string", string);
        loaded.rawset("string", string);
        var fullOs = (LuaTable) globals.rawget("os");
        var os = new LuaTable();
        KEPT_OS.forEach(name -> os.rawset(name, fullOs.rawget(name)));
        os.rawset("date", new ChargedDate(fullOs.rawget("date")));
        globals.rawset("os", os);
        loaded.rawset("os", os);
        MathExtras.install((LuaTable) globals.rawget("math"));
        BoundedTableFunctions.install((LuaTable) globals.rawget("table"));
        var coroutines = new GuardedCoroutines(globals, meter);
        coroutines.install((LuaTable) globals.rawget("coroutine"));

        // LuaJ's own ways to files, streams and bytecode: closed.
        globals.finder = filename -> null;
        globals.STDIN = InputStream.nullInputStream();
        globals.STDOUT = DISCARDED;
        globals.STDERR = DISCARDED;
        globals.undumper = null;
        globals.compiler = LuaC.instance;
        globals.loader = loader;
        new MeteringDebugLib(globals, meter);
        return new Sandbox(globals, coroutines);
    }
}
