package dev.plinth.lang.lua.internal.luajc;

import java.util.Map;
import java.util.Optional;
import org.luaj.vm2.Prototype;

/**
 * The class loader of one compiled Lua chunk: defines the chunk's generated classes and delegates everything else
 * (LuaJ, the checkpoints) to the Lua host bundle. Named {@code lua:<resource>} so stack frames of compiled Lua code
 * can be told apart. Knows the prototype each class was compiled from, for running it interpreted. Thread-safe.
 */
final class ChunkClassLoader extends ClassLoader {

    private final Map<String, byte[]> classes;
    private final Map<String, Prototype> prototypes;

    ChunkClassLoader(String resource, Map<String, byte[]> classes, Map<String, Prototype> prototypes) {
        super(LOADER_PREFIX + resource, Checkpoints.class.getClassLoader());
        this.classes = Map.copyOf(classes);
        this.prototypes = Map.copyOf(prototypes);
    }

    /** The prefix of the names of these loaders. */
    static final String LOADER_PREFIX = "lua:";

    /**
     * The prototype a class of this chunk was compiled from.
     *
     * @param className the class's name
     * @return the prototype, empty for a class of another loader
     */
    Optional<Prototype> prototype(String className) {
        return Optional.ofNullable(prototypes.get(className));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
        }
    }
}
