package dev.plinth.lang.wasm.internal.host;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.lang.wasm.internal.binding.BundleServices;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.util.List;
import org.osgi.framework.ServiceRegistration;

/**
 * One started WebAssembly resource: its plugin and what the host holds for it (its account, its log, its services,
 * its retained-memory and reload-hooks registrations). Stopping it runs the plugin's {@code on_disable} and releases them all.
 *
 * <p>Thread-safe: stopped on the thread that stops the bundle.
 */
final class WasmResource {

    private final String name;
    private final WasmPlugin plugin;
    private final Account account;
    private final ScriptLog log;
    private final BundleServices services;
    private final List<ServiceRegistration<?>> registrations;

    WasmResource(String name, WasmPlugin plugin, Account account, ScriptLog log, BundleServices services,
            List<ServiceRegistration<?>> registrations) {
        this.name = name;
        this.plugin = plugin;
        this.account = account;
        this.log = log;
        this.services = services;
        this.registrations = List.copyOf(registrations);
    }

    /** {@return the resource name} */
    String name() {
        return name;
    }

    /** {@return the running plugin} */
    WasmPlugin plugin() {
        return plugin;
    }

    /** Runs {@code on_disable} (unless the plugin was stopped for its offences) and releases everything. */
    void stop() {
        try {
            plugin.stop();
        } catch (PluginException e) {
            log.error("on_disable failed: " + e.getMessage());
        } finally {
            for (ServiceRegistration<?> registration : registrations) {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // unregistered with its bundle already
                }
            }
            services.close();
            account.close();
            log.close();
        }
    }
}
