package dev.plinth.lang.lua.internal.luajc;

import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.luajc.JavaGen;

/**
 * Compiles chunks to JVM bytecode with LuaJC, instrumented with budget checkpoints, each chunk in its own class
 * loader. Throws where LuaJC cannot compile a chunk; combine it with {@link ChunkCompiler#INTERPRETER} through
 * {@link ChunkCompiler#orElse} to fall back.
 *
 * <p>Compiled code is metered by {@link Checkpoints} (loop iterations and calls), not instruction by instruction;
 * it reports errors through JVM stack frames whose file and line are the Lua ones. Thread-safe and stateless.
 */
public final class LuaJcCompiler implements ChunkCompiler {

    @Override
    public LuaFunction compile(String resource, String file, Prototype prototype, LuaValue environment) {
        return instantiate(define(resource, file, prototype), file, environment);
    }

    /**
     * Compiles a chunk to its main class, in a class loader of its own: the expensive part, which a class that
     * shares no state between its instances lets happen once per content, for every Lua state that runs it.
     *
     * @param resource the resource the chunk belongs to
     * @param file the chunk's file
     * @param prototype the parsed chunk
     * @return the chunk's main class
     * @throws RuntimeException when LuaJC cannot compile the chunk
     */
    public Class<?> define(String resource, String file, Prototype prototype) {
        String className = className(file);
        var generated = new JavaGen(prototype, className, file, false);
        var classes = new HashMap<String, byte[]>();
        var prototypes = new HashMap<String, Prototype>();
        collect(generated, prototype, classes, prototypes);
        try {
            return new ChunkClassLoader(resource, classes, prototypes).loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("LuaJC output for " + file + " does not load: " + e, e);
        }
    }

    /**
     * A chunk's main function for one Lua state.
     *
     * @param chunk the class {@link #define} made
     * @param file the chunk's file, for the message
     * @param environment the state's globals
     * @return the function
     * @throws IllegalStateException when the class cannot be instantiated
     */
    public static LuaFunction instantiate(Class<?> chunk, String file, LuaValue environment) {
        try {
            var function = (LuaFunction) chunk.getDeclaredConstructor().newInstance();
            function.initupvalue1(environment);
            return function;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            throw new IllegalStateException("LuaJC output for " + file + " does not load: " + cause, cause);
        }
    }

    /**
     * Whether a stack frame belongs to compiled Lua code.
     *
     * @param frame a frame of a Java stack trace
     * @return {@code true} when its class was compiled from Lua by this compiler
     */
    public static boolean isLuaFrame(StackTraceElement frame) {
        String loader = frame.getClassLoaderName();
        return loader != null && loader.startsWith(ChunkClassLoader.LOADER_PREFIX);
    }

    /** Each generated class, instrumented, with its prototype (LuaJC's inner classes are in the order of p.p). */
    private static void collect(JavaGen generated, Prototype prototype, Map<String, byte[]> classes,
            Map<String, Prototype> prototypes) {
        classes.put(generated.classname, BudgetInstrumentation.instrument(generated.bytecode));
        prototypes.put(generated.classname, prototype);
        if (generated.inners != null) {
            if (generated.inners.length != prototype.p.length) {
                throw new IllegalStateException("LuaJC made " + generated.inners.length + " inner functions of "
                        + prototype.p.length + " in " + generated.classname);
            }
            for (int i = 0; i < generated.inners.length; i++) {
                collect(generated.inners[i], prototype.p[i], classes, prototypes);
            }
        }
    }

    /** A Java identifier made of the file name: {@code lib/util.lua} becomes {@code lib_util}. */
    static String className(String file) {
        String stem = file.endsWith(".lua") ? file.substring(0, file.length() - 4) : file;
        var name = new StringBuilder("lua_");
        stem.codePoints().forEach(c -> name.appendCodePoint(Character.isJavaIdentifierPart(c) && c < 128 ? c : '_'));
        return name.toString();
    }
}
