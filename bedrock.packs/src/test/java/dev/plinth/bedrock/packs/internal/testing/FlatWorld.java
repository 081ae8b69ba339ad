package dev.plinth.bedrock.packs.internal.testing;

import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.entity.SpawnReason;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.ChunkPos;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A world for the unit tests of pack content: stone from height 0 to 3, grass on top at 4, air above (the surface
 * is at 5), heights -16 to 64; blocks set by the code under test are kept; entities are {@link Mob}s.
 */
public final class FlatWorld implements World {

    private final Map<BlockPos, BlockState> changed = new HashMap<>();
    private final List<Entity> entities = new ArrayList<>();
    private long time;
    private Weather weather = Weather.CLEAR;
    private long nextId = 1;

    @Override
    public Dimension dimension() {
        return Dimension.OVERWORLD;
    }

    @Override
    public String name() {
        return "overworld";
    }

    @Override
    public int minHeight() {
        return -16;
    }

    @Override
    public int maxHeight() {
        return 64;
    }

    @Override
    public BlockState block(BlockPos pos) {
        BlockState set = changed.get(pos);
        if (set != null) {
            return set;
        }
        if (pos.y() >= 0 && pos.y() < 4) {
            return BlockState.of("minecraft:stone");
        }
        return pos.y() == 4 ? BlockState.of("minecraft:grass_block") : BlockState.AIR;
    }

    @Override
    public boolean setBlock(BlockPos pos, BlockState block) {
        if (pos.y() < minHeight() || pos.y() >= maxHeight()) {
            throw new IllegalArgumentException(pos + " is outside the world");
        }
        changed.put(pos, block);
        return true;
    }

    /** {@return the blocks the code under test set} */
    public Map<BlockPos, BlockState> changed() {
        return Map.copyOf(changed);
    }

    @Override
    public Optional<Entity> spawnEntity(String type, Position position) {
        return spawnEntity(type, position, SpawnReason.PLUGIN);
    }

    @Override
    public Optional<Entity> spawnEntity(String type, Position position, SpawnReason reason) {
        var mob = new Mob(nextId++, type, this, position);
        entities.add(mob);
        return Optional.of(mob);
    }

    @Override
    public Optional<Entity> dropItem(Position position, ItemStack items) {
        throw new UnsupportedOperationException("items are not dropped in these tests");
    }

    @Override
    public List<Entity> entities() {
        return List.copyOf(entities);
    }

    @Override
    public Optional<Entity> entity(long id) {
        return entities.stream().filter(e -> e.id() == id).findFirst();
    }

    @Override
    public Position spawnPoint() {
        return new Position(0.5, 5, 0.5);
    }

    @Override
    public void setSpawnPoint(Position position) {
        throw new UnsupportedOperationException("the spawn point stays");
    }

    @Override
    public Weather weather() {
        return weather;
    }

    @Override
    public boolean setWeather(Weather weather) {
        this.weather = weather;
        return true;
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public void setTime(long time) {
        this.time = time;
    }

    @Override
    public boolean isChunkLoaded(ChunkPos chunk) {
        return true;
    }

    @Override
    public void loadChunk(ChunkPos chunk) {
        // always loaded
    }

    @Override
    public boolean unloadChunk(ChunkPos chunk) {
        return false;
    }

    @Override
    public List<ChunkPos> loadedChunks() {
        return List.of();
    }
}
