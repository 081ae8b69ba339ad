package dev.plinth.lang.wasm.internal.wasi;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.link.HostImport;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WASI ({@code wasi_snapshot_preview1}) for plugins built for {@code wasm32-wasi}, on Chicory's implementation: its
 * standard output and error go to the plugin's log (INFO and WARN lines), its standard input is empty, clocks and
 * random numbers work, and there is no file system (no directory is opened), no environment, no arguments but the
 * resource's name, and no sockets. Calls that would block the game thread or reach the network return
 * {@code ENOTSUP}: {@code poll_oneoff} (sleeping) and {@code sock_*}. {@code proc_exit} ends the call with
 * {@link com.dylibso.chicory.wasi.WasiExitException}, whatever the code: the host stops the plugin with it.
 * Every call costs one unit of fuel; {@code random_get} and output one more per 32 bytes.
 *
 * <p>One per plugin; closed when the plugin stops. Confined to the plugin's calls.
 */
public final class WasiImports implements AutoCloseable {

    /** The import module. */
    public static final String MODULE = "wasi_snapshot_preview1";

    /** WASI's {@code errno} for "not supported". */
    private static final int ENOTSUP = 58;
    private static final Set<String> UNSUPPORTED = Set.of("poll_oneoff", "sock_accept", "sock_recv", "sock_send",
            "sock_shutdown");

    private final WasiPreview1 wasi;
    private final LogStream out;
    private final LogStream err;
    private final FuelMeter meter;

    /**
     * Creates the WASI of one plugin.
     *
     * @param name the resource name, its only argument
     * @param log the plugin's log
     * @param meter its fuel account
     */
    public WasiImports(String name, PluginLog log, FuelMeter meter) {
        this.meter = meter;
        this.out = new LogStream(log, PluginLog.Level.INFO, meter);
        this.err = new LogStream(log, PluginLog.Level.WARN, meter);
        this.wasi = WasiPreview1.builder()
                .withOptions(WasiOptions.builder()
                        .withStdin(InputStream.nullInputStream(), false)
                        .withStdout(out, false)
                        .withStderr(err, false)
                        .withArguments(List.of(name))
                        .withThrowOnExit0(true)
                        .build())
                .build();
    }

    /** {@return the WASI functions, metered} */
    public List<HostImport> imports() {
        var imports = new ArrayList<HostImport>();
        for (HostFunction function : wasi.toHostFunctions()) {
            String name = function.name();
            if (UNSUPPORTED.contains(name)) {
                imports.add(new HostImport(MODULE, name, function.functionType(), Optional.empty(), false,
                        (instance, args) -> new long[] {ENOTSUP}));
                continue;
            }
            boolean random = name.equals("random_get");
            imports.add(new HostImport(MODULE, name, function.functionType(), Optional.empty(), false,
                    (instance, args) -> {
                meter.charge(random ? 1 + (args[1] & 0xFFFF_FFFFL) / 32 : 1);
                return function.handle().apply(instance, args);
            }));
        }
        return imports;
    }

    /** Writes what the plugin left in its output lines and releases WASI. */
    @Override
    public void close() {
        out.close();
        err.close();
        wasi.close();
    }
}
