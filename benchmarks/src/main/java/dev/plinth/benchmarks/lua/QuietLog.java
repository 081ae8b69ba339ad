package dev.plinth.benchmarks.lua;

import dev.plinth.core.sandbox.host.ScriptLog;

/** A resource log that writes nothing: the benchmarks' handlers never fail. */
enum QuietLog implements ScriptLog {
    /** The one log. */
    INSTANCE;

    @Override
    public void print(String line) {
        // nothing
    }

    @Override
    public void info(String message) {
        // nothing
    }

    @Override
    public void warn(String message) {
        // nothing
    }

    @Override
    public void error(String message) {
        // nothing
    }

    @Override
    public void fatal(String message) {
        // nothing
    }

    @Override
    public long dropped() {
        return 0;
    }

    @Override
    public void close() {
        // nothing
    }
}
