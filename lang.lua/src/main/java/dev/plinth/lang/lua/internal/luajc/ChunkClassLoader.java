package dev.plinth.lang.lua.internal.luajc;

import java.util.Map;

/**
 * The class loader of one compiled Lua chunk: defines the chunk's generated classes and delegates everything else
 * (LuaJ, the checkpoints) to the Lua host bundle. Named {@code lua:<resource>} so stack frames of compiled Lua code
 * can be told apart.
 */
final class ChunkClassLoader extends ClassLoader {

    private final Map<String, byte[]> classes;

    ChunkClassLoader(String resource, Map<String, byte[]> classes) {
        super(LOADER_PREFIX + resource, Checkpoints.class.getClassLoader());
        this.classes = Map.copyOf(classes);
    }

    /** The prefix of the names of these loaders. */
    static final String LOADER_PREFIX = "lua:";

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
