package dev.plinth.core.runtime.event.world;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.world.ChunkPos;
import dev.plinth.core.runtime.world.Dimension;
import java.util.Map;
import java.util.Objects;

/** A chunk was loaded (and generated first, when {@link #isNew()}). Posted on the game thread. */
@EventName(ChunkLoadEvent.NAME)
public final class ChunkLoadEvent implements Event {

    /** The event's name. */
    public static final String NAME = "chunk_load";

    private final Dimension dimension;
    private final ChunkPos chunk;
    private final boolean isNew;

    /**
     * Creates the event.
     *
     * @param dimension the world's dimension
     * @param chunk the chunk
     * @param isNew whether it was generated now
     */
    public ChunkLoadEvent(Dimension dimension, ChunkPos chunk, boolean isNew) {
        this.dimension = Objects.requireNonNull(dimension, "dimension");
        this.chunk = Objects.requireNonNull(chunk, "chunk");
        this.isNew = isNew;
    }

    /** {@return the dimension of the world the chunk is in} */
    public Dimension dimension() {
        return dimension;
    }

    /** {@return the chunk} */
    public ChunkPos chunk() {
        return chunk;
    }

    /** {@return {@code true} when the chunk was generated for this load} */
    public boolean isNew() {
        return isNew;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("dimension", dimension.id(), "chunk", chunk.asMap(), "is_new", isNew);
    }
}
