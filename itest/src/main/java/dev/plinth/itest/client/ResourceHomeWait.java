package dev.plinth.itest.client;

import dev.plinth.itest.resource.ResourceHome;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Waiting for a condition the server reaches on its own threads. */
final class ResourceHomeWait {

    private ResourceHomeWait() {}

    static void until(BooleanSupplier condition, String what) {
        ResourceHome.await(() -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), what);
    }
}
