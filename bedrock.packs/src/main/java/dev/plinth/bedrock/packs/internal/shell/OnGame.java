package dev.plinth.bedrock.packs.internal.shell;

import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.core.runtime.tick.GameThread;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a shell command's work on the game thread and waits for it (30 s at most). */
final class OnGame {

    private OnGame() {}

    static <T> T call(GameThread thread, Callable<T> work) {
        if (thread.isGameThread()) {
            throw new SimulationException(SimulationException.INVALID_STATE, "shell commands do not run on the game "
                    + "thread");
        }
        try {
            return thread.submit(work).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new SimulationException(SimulationException.INVALID_STATE, "the game thread did not answer in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException(SimulationException.INVALID_STATE, "interrupted");
        }
    }
}
