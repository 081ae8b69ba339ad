package dev.plinth.lang.wasm.internal.host;

import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.lang.wasm.internal.binding.PluginLog;

/**
 * A plugin's lines into its resource's log ({@link ScriptLog}: one escaped console line each, rate-limited). The
 * script log has no debug level: a plugin's debug lines are shown as INFO, marked {@code [debug]}.
 *
 * @param log the resource's log
 */
record LogAdapter(ScriptLog log) implements PluginLog {

    @Override
    public void log(Level level, String line) {
        switch (level) {
            case DEBUG -> log.info("[debug] " + line);
            case INFO -> log.info(line);
            case WARN -> log.warn(line);
            case ERROR -> log.error(line);
        }
    }
}
