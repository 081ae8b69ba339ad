package dev.plinth.lang.wasm.internal.host;

import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import dev.plinth.shell.CommandUsage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell commands of scope {@code wasm}: {@code wasm:call RESOURCE FUNCTION [INPUT...]} calls an export of a
 * running Extism plugin with the input (the rest of the line, words joined by one space) and prints its output, as
 * Extism's {@code extism call} does. A call that fails prints its error after {@code ERROR:}; missing arguments print
 * the usage.
 *
 * <p>Called on the shell's thread; the call itself runs on the game thread, which owns the game state the plugin's
 * host functions touch, and the command waits for it.
 */
@Component(service = WasmCommands.class, property = {"osgi.command.scope=wasm", "osgi.command.function=call"})
public final class WasmCommands {

    private static final long WAIT_SECONDS = 30;

    private final RunningPlugins plugins;
    private final GameThread gameThread;

    /**
     * Creates the commands.
     *
     * @param plugins the running plugins
     * @param gameThread where the calls run
     */
    @Activate
    public WasmCommands(@Reference RunningPlugins plugins, @Reference GameThread gameThread) {
        this.plugins = plugins;
        this.gameThread = gameThread;
    }

    /**
     * {@code wasm:call RESOURCE FUNCTION [INPUT...]}.
     *
     * @param resource the Extism plugin's resource
     * @param function the export
     * @param input the input, its words joined by one space
     * @return the output, as UTF-8 text
     * @throws Exception the call's failure, whose message the console prints
     */
    @Descriptor("call an export of an Extism plugin with an input and print its output, as extism call does")
    public String call(@Descriptor("the Extism plugin's resource name") String resource,
            @Descriptor("the export to call") String function,
            @Descriptor("the input: the rest of the line") String... input) throws Exception {
        WasmPlugin plugin = plugins.plugin(resource).orElseThrow(() -> new IllegalArgumentException(resource
                + " is not a running WebAssembly plugin (resource:start " + resource + " starts it)"));
        byte[] bytes = String.join(" ", input).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] output = gameThread.submit(() -> plugin.call(function, bytes)).get(WAIT_SECONDS, TimeUnit.SECONDS);
            return new String(output, StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException(resource + ": " + function + " did not return within " + WAIT_SECONDS
                    + " s (the game thread is busy)", e);
        }
    }

    /**
     * {@code wasm:call} with missing arguments: its usage.
     *
     * @param wrong the arguments given
     * @return never
     * @throws dev.plinth.shell.UsageException always, with the usage
     */
    public Object call(Object... wrong) {
        return CommandUsage.fail("wasm", this, "call");
    }
}
