package dev.plinth.lang.wasm.internal.wasi;

import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A plugin's standard output or error: bytes become lines of its log ({@code \n} ends a line; a line longer than
 * {@value #MAX_LINE} bytes is cut into several). Writing costs the plugin fuel, one unit per 32 bytes.
 *
 * <p>Confined to the plugin's calls.
 */
final class LogStream extends OutputStream {

    static final int MAX_LINE = 8192;

    private final PluginLog log;
    private final PluginLog.Level level;
    private final FuelMeter meter;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogStream(PluginLog log, PluginLog.Level level, FuelMeter meter) {
        this.log = log;
        this.level = level;
        this.meter = meter;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
            if (line.size() >= MAX_LINE) {
                flushLine();
            }
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (meter.active()) {
            meter.charge(1 + length / 32);
        }
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Writes what is left of the last line: the plugin stops. */
    @Override
    public void close() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        log.log(level, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
