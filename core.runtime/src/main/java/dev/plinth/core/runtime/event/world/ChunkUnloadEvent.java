package dev.plinth.core.runtime.event.world;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.world.ChunkPos;
import dev.plinth.core.runtime.world.Dimension;
import java.util.Map;
import java.util.Objects;

/** A chunk is about to be unloaded. Cancelled, it stays loaded. Posted on the game thread. */
@EventName(ChunkUnloadEvent.NAME)
public final class ChunkUnloadEvent extends CancellableEvent {

    /** The event's name. */
    public static final String NAME = "chunk_unload";

    private final Dimension dimension;
    private final ChunkPos chunk;

    /**
     * Creates the event.
     *
     * @param dimension the world's dimension
     * @param chunk the chunk
     */
    public ChunkUnloadEvent(Dimension dimension, ChunkPos chunk) {
        this.dimension = Objects.requireNonNull(dimension, "dimension");
        this.chunk = Objects.requireNonNull(chunk, "chunk");
    }

    /** {@return the dimension of the world the chunk is in} */
    public Dimension dimension() {
        return dimension;
    }

    /** {@return the chunk} */
    public ChunkPos chunk() {
        return chunk;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("dimension", dimension.id(), "chunk", chunk.asMap());
    }
}
