package dev.plinth.lang.wasm.internal.testing;

import dev.plinth.core.sandbox.watchdog.Interrupter;
import dev.plinth.core.sandbox.watchdog.Overrun;
import dev.plinth.core.sandbox.watchdog.Watch;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import java.util.Optional;

/**
 * A watchdog for tests that run a plugin without the sandbox's services: its watches never fire by themselves; a
 * test interrupts a call through {@link TestWatch#overrun} (in-framework tests run the real watchdog).
 */
public final class TestWatchdog implements Watchdog {

    /** The last watch given out. */
    public TestWatch last;

    @Override
    public Watch watch(String resource, Interrupter interrupter) {
        last = new TestWatch(resource, interrupter);
        return last;
    }

    /** A watch that counts its calls. */
    public static final class TestWatch implements Watch {
        private final String resource;
        private final Interrupter interrupter;
        private int depth;
        private boolean overran;
        /** How many outermost calls were watched. */
        public int calls;
        /** Whether it was closed. */
        public boolean closed;

        TestWatch(String resource, Interrupter interrupter) {
            this.resource = resource;
            this.interrupter = interrupter;
        }

        /**
         * Tells the plugin its current call overran, as the watchdog thread does.
         *
         * @param overrun the overrun
         */
        public void overrun(Overrun overrun) {
            overran = true;
            interrupter.interrupt(overrun);
        }

        @Override
        public String resource() {
            return resource;
        }

        @Override
        public void enter(long boundNanos) {
            if (depth++ == 0) {
                calls++;
            }
        }

        @Override
        public void exit() {
            if (--depth == 0) {
                overran = false;
            }
        }

        @Override
        public boolean overran() {
            return overran;
        }

        @Override
        public Optional<Overrun> overrun() {
            return Optional.empty();
        }

        @Override
        public Suspended suspend() {
            throw new UnsupportedOperationException("WebAssembly calls are never suspended");
        }

        @Override
        public void resume(Suspended call) {
            throw new UnsupportedOperationException("WebAssembly calls are never suspended");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
