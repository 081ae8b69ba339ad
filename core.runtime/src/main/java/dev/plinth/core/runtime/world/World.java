package dev.plinth.core.runtime.world;

import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.entity.SpawnReason;
import dev.plinth.core.runtime.item.ItemStack;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One dimension's world: its blocks, entities, spawn point, weather and time.
 *
 * <p>Thread rule: {@link #dimension()} and {@link #name()} may be called from any thread; every other method must
 * be called on the game thread (see {@link dev.plinth.core.runtime.tick.GameThread}) and throws
 * {@link WrongThreadException} elsewhere. Reading or writing a block loads its chunk (posting {@code chunk_load}).
 */
@ProviderType
public interface World {

    /**
     * The world's dimension.
     *
     * @return the dimension
     */
    Dimension dimension();

    /**
     * The world's name, the id of its dimension.
     *
     * @return {@code overworld}, {@code nether} or {@code the_end}
     */
    String name();

    /**
     * The lowest block height (inclusive).
     *
     * @return the minimum y
     */
    int minHeight();

    /**
     * The highest block height (exclusive).
     *
     * @return the maximum y
     */
    int maxHeight();

    /**
     * The block at a position.
     *
     * @param pos the block position
     * @return the block; {@link BlockState#AIR} outside the world's height
     */
    BlockState block(BlockPos pos);

    /**
     * Replaces a block: posts {@code block_update} (cause {@code plugin}); a cancelled update leaves the block.
     *
     * @param pos the block position
     * @param block the new block
     * @return {@code true} when the block changed
     * @throws IllegalArgumentException when the position is outside the world's height
     */
    boolean setBlock(BlockPos pos, BlockState block);

    /**
     * Spawns an entity: posts {@code entity_spawn} (reason {@code plugin}).
     *
     * @param type the entity type, for example {@code minecraft:zombie}
     * @param position where
     * @return the new entity, or empty when a handler cancelled the spawn
     * @throws IllegalArgumentException when the type is not a valid identifier or is {@code minecraft:player}
     */
    Optional<Entity> spawnEntity(String type, Position position);

    /**
     * Spawns an entity for a reason, which {@code entity_spawn} carries: {@code natural} for the world's own rules (a
     * behavior pack's spawn rules), {@code spawner}, {@code command} for {@code /summon}.
     *
     * @param type the entity type
     * @param position where
     * @param reason why it appears
     * @return the new entity, or empty when a handler cancelled the spawn
     * @throws IllegalArgumentException when the type is not a valid identifier or is {@code minecraft:player}, when
     *     the reason is {@code natural} or {@code spawner} and the type a resource registered is not spawnable
     *     (Bedrock's {@code is_spawnable}), or when the reason is {@code drop} (items are dropped, see
     *     {@link #dropItem})
     */
    Optional<Entity> spawnEntity(String type, Position position, SpawnReason reason);

    /**
     * Drops items as an item entity ({@code minecraft:item}, reason {@code drop}).
     *
     * @param position where
     * @param items what
     * @return the item entity, or empty when a handler cancelled the spawn
     */
    Optional<Entity> dropItem(Position position, ItemStack items);

    /**
     * The entities in this world, players included, by id.
     *
     * @return a snapshot
     */
    List<Entity> entities();

    /**
     * Finds an entity of this world.
     *
     * @param id the entity id
     * @return the entity, or empty when no entity of that id is in this world
     */
    Optional<Entity> entity(long id);

    /**
     * Where players appear when they join or respawn.
     *
     * @return the spawn point
     */
    Position spawnPoint();

    /**
     * Moves the spawn point.
     *
     * @param position the new spawn point
     */
    void setSpawnPoint(Position position);

    /**
     * The current weather.
     *
     * @return the weather
     */
    Weather weather();

    /**
     * Changes the weather: posts {@code weather_change}.
     *
     * @param weather the new weather
     * @return {@code true} when the weather changed, {@code false} when cancelled or already so
     */
    boolean setWeather(Weather weather);

    /**
     * The time of day in ticks: 0 is sunrise, 6000 noon, 12000 sunset, 18000 midnight. Advances by one per tick.
     *
     * @return from 0 to 23999
     */
    long time();

    /**
     * Sets the time of day.
     *
     * @param time any number of ticks; taken modulo 24000
     */
    void setTime(long time);

    /**
     * Whether a chunk is loaded.
     *
     * @param chunk the chunk position
     * @return {@code true} when loaded
     */
    boolean isChunkLoaded(ChunkPos chunk);

    /**
     * Loads a chunk, generating it the first time: posts {@code chunk_load}. Does nothing when it is loaded.
     *
     * @param chunk the chunk position
     */
    void loadChunk(ChunkPos chunk);

    /**
     * Unloads a chunk, keeping its blocks for the next load: posts {@code chunk_unload}. A chunk with a player in
     * it stays loaded.
     *
     * @param chunk the chunk position
     * @return {@code true} when unloaded, {@code false} when cancelled, occupied by a player or not loaded
     */
    boolean unloadChunk(ChunkPos chunk);

    /**
     * The loaded chunks.
     *
     * @return a snapshot
     */
    List<ChunkPos> loadedChunks();
}
