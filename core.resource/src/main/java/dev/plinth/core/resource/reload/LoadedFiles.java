package dev.plinth.core.resource.reload;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The files a resource's server side has loaded since its bundle last started, as its language host reports them. A
 * hot reload counts them as the server's even when the manifest gives them to clients: alt:V resources keep the code
 * both sides run under a client pattern ({@code client-files = ["shared/*"]}) and the server imports it
 * ({@code import { x } from "../shared/util.js"}, Lua {@code require("shared.util")}), so an edit to
 * {@code shared/util.js} restarts the resource, while an edit to a client file under the same pattern that the server
 * never loaded does not.
 *
 * <p>A file counts once it is loaded: one loaded lazily ({@code require} inside a handler) counts from then on, and
 * one the running version never loaded does not reload it. What a resource loaded is forgotten when its bundle stops
 * or is uninstalled, so each version counts its own loads. A service of core.resource; language hosts call
 * {@link #loaded(Bundle, String)} (a host whose resources load only what their manifest names, as WebAssembly's one
 * module, has nothing to tell).
 *
 * <p>Thread-safe; calls may come from any thread, the game thread included (a module loaded inside a handler), and
 * are cheap there: nothing is read or blocked on.
 */
@ProviderType
public interface LoadedFiles {

    /**
     * Reports that a resource's server side loaded one of its files (ran it, or read it as a module). A report for a
     * bundle that is not starting, started or stopping is ignored.
     *
     * @param resource the resource bundle that holds the file
     * @param path the file, relative to the resource root, with {@code /} ({@code shared/util.lua})
     */
    void loaded(Bundle resource, String path);

    /**
     * The files a resource's server side has loaded since its bundle last started.
     *
     * @param resource the resource bundle
     * @return their paths, relative to the resource root; empty when it loaded none or is not started
     */
    Set<String> loadedBy(Bundle resource);
}
