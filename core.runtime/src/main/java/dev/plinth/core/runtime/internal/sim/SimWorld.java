package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.entity.SpawnReason;
import dev.plinth.core.runtime.event.entity.EntitySpawnEvent;
import dev.plinth.core.runtime.event.world.BlockUpdateCause;
import dev.plinth.core.runtime.event.world.BlockUpdateEvent;
import dev.plinth.core.runtime.event.world.ChunkLoadEvent;
import dev.plinth.core.runtime.event.world.ChunkUnloadEvent;
import dev.plinth.core.runtime.event.world.WeatherChangeEvent;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.ChunkPos;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import dev.plinth.core.runtime.entity.DespawnReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One simulated world: a flat generator, the blocks changed since (per chunk, kept when the chunk unloads), its
 * entities, spawn point, weather and time. Game thread only.
 */
public final class SimWorld implements World {

    private static final long DAY = 24_000;

    private final SimServer server;
    private final Dimension dimension;
    private final FlatGenerator generator;
    private final Map<ChunkPos, Map<BlockPos, BlockState>> chunks = new HashMap<>();
    private final Set<ChunkPos> loaded = new LinkedHashSet<>();
    private final Map<Long, SimEntity> entities = new LinkedHashMap<>();
    private final List<SimEntity> ticking = new ArrayList<>();
    private SimEntity[] tickingNow = new SimEntity[0];
    private boolean tickingChanged;
    private Position spawnPoint;
    private Weather weather = Weather.CLEAR;
    private long time;

    SimWorld(SimServer server, Dimension dimension, FlatGenerator generator) {
        this.server = server;
        this.dimension = dimension;
        this.generator = generator;
        this.spawnPoint = generator.spawn();
    }

    @Override
    public Dimension dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return dimension.id();
    }

    @Override
    public int minHeight() {
        return generator.minHeight();
    }

    @Override
    public int maxHeight() {
        return generator.maxHeight();
    }

    @Override
    public BlockState block(BlockPos pos) {
        server.checkThread();
        if (!inHeight(pos)) {
            return BlockState.AIR;
        }
        loadChunk(pos.chunk());
        return chunks.get(pos.chunk()).getOrDefault(pos, generator.at(pos.y()));
    }

    @Override
    public boolean setBlock(BlockPos pos, BlockState block) {
        return changeBlock(pos, block, BlockUpdateCause.PLUGIN);
    }

    /**
     * Changes a block after posting {@code block_update}.
     *
     * @param pos where
     * @param block the new block
     * @param cause why
     * @return {@code true} when the block changed, {@code false} when cancelled or already so
     * @throws IllegalArgumentException outside the world's height
     */
    boolean changeBlock(BlockPos pos, BlockState block, BlockUpdateCause cause) {
        Objects.requireNonNull(block, "block");
        if (!inHeight(pos)) {
            throw new IllegalArgumentException(pos + " is outside " + name() + "'s height (" + minHeight() + " to "
                    + (maxHeight() - 1) + ")");
        }
        BlockState old = block(pos);
        if (old.equals(block) || server.post(new BlockUpdateEvent(dimension, pos, old, block, cause)).isCancelled()) {
            return false;
        }
        Map<BlockPos, BlockState> changes = chunks.get(pos.chunk());
        if (block.equals(generator.at(pos.y()))) {
            changes.remove(pos);
        } else {
            changes.put(pos, block);
        }
        return true;
    }

    boolean inHeight(BlockPos pos) {
        return pos.y() >= minHeight() && pos.y() < maxHeight();
    }

    @Override
    public Optional<Entity> spawnEntity(String type, Position position) {
        return spawnEntity(type, position, SpawnReason.PLUGIN);
    }

    /**
     * Spawns an entity; a type a resource registered makes its behavior first.
     *
     * @param type the entity type
     * @param position where
     * @param reason why
     * @return the entity, or empty when {@code entity_spawn} was cancelled
     * @throws IllegalArgumentException for players, a malformed type, a type that is not spawnable spawned by the
     *     world's rules or a spawner, or the reason {@code drop}
     * @throws RuntimeException what the type's factory throws
     */
    @Override
    public Optional<Entity> spawnEntity(String type, Position position, SpawnReason reason) {
        server.checkThread();
        String id = Identifier.normalize(type);
        if (id.equals(LootTable.PLAYER)) {
            throw new IllegalArgumentException("players join, they are not spawned");
        }
        if (reason == SpawnReason.DROP) {
            throw new IllegalArgumentException("items are dropped (dropItem), not spawned for the reason drop");
        }
        var registration = server.content().entityRegistration(id).orElse(null);
        if (registration != null && (reason == SpawnReason.NATURAL || reason == SpawnReason.SPAWNER)
                && !registration.type().spawnable()) {
            throw new IllegalArgumentException(id + " is not spawnable (is_spawnable is false): the world spawns it "
                    + "neither by its rules nor from a spawner");
        }
        long entityId = server.nextEntityId();
        var entity = new SimEntity(server, entityId, SimEntity.uuidOf(entityId), id, this, position,
                Optional.empty(), registration);
        if (registration != null) {
            entity.control(registration.type().create(entity, reason));
        }
        Optional<Entity> spawned = spawn(entity, reason);
        if (spawned.isPresent() && registration != null) {
            ticking.add(entity);
            tickingChanged = true;
            server.guard(entity, "spawned", () -> entity.behavior().spawned());
        }
        return spawned;
    }

    /** Despawns every entity an entity type registration made. */
    void despawnAll(TypeStack.Registered<?> registration, DespawnReason reason) {
        for (SimEntity entity : List.copyOf(entities.values())) {
            if (entity.registration() == registration) {
                entity.despawn(reason);
            }
        }
    }

    /** One tick of the entities resources control, in spawn order. */
    void tickEntities(long tick) {
        if (tickingChanged) {
            ticking.removeIf(e -> !e.isValid());
            tickingNow = ticking.toArray(SimEntity[]::new);
            tickingChanged = false;
        }
        for (SimEntity entity : tickingNow) {
            if (entity.isValid() && !entity.tickFailed()) {
                try {
                    entity.behavior().tick(tick);
                } catch (RuntimeException e) {
                    entity.markTickFailed();
                    server.reportBehaviorFailure(entity, "tick", e);
                }
            }
        }
    }

    @Override
    public Optional<Entity> dropItem(Position position, ItemStack items) {
        return spawn(new SimEntity(server, server.nextEntityId(), LootTable.ITEM_ENTITY, this, position,
                Optional.of(items)), SpawnReason.DROP);
    }

    private Optional<Entity> spawn(SimEntity entity, SpawnReason reason) {
        server.checkThread();
        if (server.post(new EntitySpawnEvent(entity, entity.position(), reason)).isCancelled()) {
            return Optional.empty();
        }
        add(entity);
        return Optional.of(entity);
    }

    void add(SimEntity entity) {
        loadChunk(entity.position().blockPos().chunk());
        entities.put(entity.id(), entity);
        entity.enter(this);
    }

    void remove(SimEntity entity) {
        if (entities.remove(entity.id()) != null && entity.registration() != null) {
            tickingChanged = true;
        }
    }

    @Override
    public List<Entity> entities() {
        server.checkThread();
        return List.copyOf(entities.values());
    }

    @Override
    public Optional<Entity> entity(long id) {
        server.checkThread();
        return Optional.ofNullable(entities.get(id));
    }

    /** {@return an entity of this world by id, as the simulated world's own class} */
    Optional<SimEntity> simEntity(long id) {
        server.checkThread();
        return Optional.ofNullable(entities.get(id));
    }

    @Override
    public Position spawnPoint() {
        server.checkThread();
        return spawnPoint;
    }

    @Override
    public void setSpawnPoint(Position position) {
        server.checkThread();
        this.spawnPoint = Objects.requireNonNull(position, "position");
    }

    @Override
    public Weather weather() {
        server.checkThread();
        return weather;
    }

    @Override
    public boolean setWeather(Weather weather) {
        server.checkThread();
        if (weather == this.weather
                || server.post(new WeatherChangeEvent(dimension, this.weather, weather)).isCancelled()) {
            return false;
        }
        this.weather = weather;
        return true;
    }

    @Override
    public long time() {
        server.checkThread();
        return time;
    }

    @Override
    public void setTime(long time) {
        server.checkThread();
        this.time = Math.floorMod(time, DAY);
    }

    /** Advances the time of day by one tick. */
    void tick() {
        time = (time + 1) % DAY;
    }

    @Override
    public boolean isChunkLoaded(ChunkPos chunk) {
        server.checkThread();
        return loaded.contains(chunk);
    }

    @Override
    public void loadChunk(ChunkPos chunk) {
        server.checkThread();
        if (loaded.contains(chunk)) {
            return;
        }
        boolean isNew = !chunks.containsKey(chunk);
        chunks.computeIfAbsent(chunk, c -> new HashMap<>());
        loaded.add(chunk);
        server.post(new ChunkLoadEvent(dimension, chunk, isNew));
    }

    @Override
    public boolean unloadChunk(ChunkPos chunk) {
        server.checkThread();
        boolean occupied = server.onlinePlayers().stream()
                .anyMatch(p -> p.world() == this && p.position().blockPos().chunk().equals(chunk));
        if (!loaded.contains(chunk) || occupied
                || server.post(new ChunkUnloadEvent(dimension, chunk)).isCancelled()) {
            return false;
        }
        loaded.remove(chunk);
        return true;
    }

    @Override
    public List<ChunkPos> loadedChunks() {
        server.checkThread();
        return List.copyOf(loaded);
    }

    @Override
    public String toString() {
        return name();
    }
}
