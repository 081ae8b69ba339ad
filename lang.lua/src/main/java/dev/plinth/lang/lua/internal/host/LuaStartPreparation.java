package dev.plinth.lang.lua.internal.host;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.ClientFiles;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.runtime.host.HostPreparation;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.lang.lua.internal.engine.LuaSource;
import dev.plinth.lang.lua.internal.reload.CompiledChunks;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Bundle;

/**
 * The Lua host's part before a start ({@link HostPreparation}): a Lua resource's server scripts and the other Lua files
 * of its server side (the modules they may {@code require}; not its {@link ClientFiles client files}: {@code client/},
 * its manifest's client entry and client file patterns) are parsed and compiled with LuaJC off the game thread (on the
 * thread that asks for the start, or the boot's preparer while the game thread starts the resource before), and kept in
 * {@link CompiledChunks} by their source, so that the start on the game thread instantiates their classes without
 * parsing or compiling them. A Lua file under a client pattern that the server side requires by a constant name
 * ({@link RequiredModules}: alt:V's shared code, {@code require("shared.util")} with {@code client-files =
 * ["shared/*"]}), and what it requires in turn, is prepared too; the client files the server side does not require
 * are neither parsed nor kept. Nothing is reported here: a script that cannot be read, parsed or compiled is
 * left to the start, which reports it with its file and line (or runs it interpreted) as it always does.
 *
 * <p>Thread-safe: called on the threads that start resources, never on the game thread's tick.
 */
final class LuaStartPreparation implements HostPreparation {

    private final HostSupport support;
    private final ResourceService resources;
    private final CompiledChunks chunks;

    /**
     * Creates the preparation.
     *
     * @param support what tells the bundles this host runs
     * @param resources the resource manager, for the resources' descriptors
     * @param chunks where the compiled scripts are kept for the start
     */
    LuaStartPreparation(HostSupport support, ResourceService resources, CompiledChunks chunks) {
        this.support = support;
        this.resources = resources;
        this.chunks = chunks;
    }

    @Override
    public void prepare(Bundle resource) {
        if (!support.serves(resource, LuaExtender.EXTENDER)) {
            return;
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(resource);
        if (descriptor.isEmpty()) {
            return;
        }
        String name = descriptor.get().name();
        var files = new BundleScriptFiles(resource);
        var client = new LinkedHashSet<String>();
        var toPrepare = new ArrayDeque<>(scriptPaths(resource, descriptor.get(), client));
        var prepared = new HashSet<>(toPrepare);
        while (!toPrepare.isEmpty()) {
            String file = toPrepare.removeFirst();
            Optional<byte[]> bytes = read(files, file);
            if (bytes.isEmpty()) {
                continue;
            }
            keep(name, new LuaSource(file, bytes.get()));
            if (!client.isEmpty()) {
                for (String required : RequiredModules.of(bytes.get())) {
                    if (client.contains(required) && prepared.add(required)) {
                        toPrepare.addLast(required);
                    }
                }
            }
        }
    }

    private static Optional<byte[]> read(BundleScriptFiles files, String file) {
        try {
            return files.read(file);
        } catch (IOException e) {
            return Optional.empty(); // the start reads it again, and reports what fails
        }
    }

    private void keep(String resource, LuaSource source) {
        try {
            chunks.keep(resource, source, source.parse());
        } catch (RuntimeException | LinkageError e) {
            // the start parses and compiles it again, and reports what fails
        }
    }

    /**
     * A resource's server scripts, then its other Lua files but its client side: the modules its scripts may
     * {@code require}. Only the server scripts when the bundle's entries cannot be listed.
     *
     * @param client told the resource's Lua files under its client patterns
     */
    private static Set<String> scriptPaths(Bundle resource, ResourceDescriptor descriptor, Set<String> client) {
        var paths = new LinkedHashSet<String>(descriptor.serverScripts());
        try {
            ClientFiles clientFiles = ClientFiles.ofValidPatterns(descriptor);
            Enumeration<URL> entries = resource.findEntries("/", "*.lua", true);
            while (entries != null && entries.hasMoreElements()) {
                String path = entries.nextElement().getPath().replaceFirst("^/", "");
                (clientFiles.contains(path) ? client : paths).add(path);
            }
        } catch (RuntimeException e) {
            // the modules are parsed and compiled when they are required
        }
        return paths;
    }
}
