package dev.plinth.benchmarks.wasm;

import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.World;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.framework.Version;
import org.osgi.service.log.Logger;

/** A server with one player: what the WebAssembly benchmarks' host functions look up. */
final class BenchServer implements Server {

    private final Player player;
    long broadcasts;

    BenchServer(Player player) {
        this.player = player;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String version() {
        return "0";
    }

    @Override
    public Version gameVersion() {
        return Version.emptyVersion;
    }

    @Override
    public long tick() {
        return 0;
    }

    @Override
    public List<Player> onlinePlayers() {
        return List.of(player);
    }

    @Override
    public Optional<Player> player(String name) {
        return name.equals(player.name()) ? Optional.of(player) : Optional.empty();
    }

    @Override
    public Optional<Player> player(UUID uuid) {
        return Optional.empty();
    }

    @Override
    public void broadcast(String message) {
        broadcasts++;
    }

    @Override
    public List<World> worlds() {
        throw unsupported();
    }

    @Override
    public World world(Dimension dimension) {
        throw unsupported();
    }

    @Override
    public Optional<World> world(String name) {
        throw unsupported();
    }

    @Override
    public Optional<Entity> entity(long id) {
        return id == player.id() ? Optional.of(player) : Optional.empty();
    }

    @Override
    public Path dataFolder() {
        throw unsupported();
    }

    @Override
    public Logger logger() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not needed by the benchmarks");
    }
}
