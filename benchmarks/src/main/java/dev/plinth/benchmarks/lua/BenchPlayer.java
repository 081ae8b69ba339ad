package dev.plinth.benchmarks.lua;

import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Inventory;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A player that only has a name and takes messages: what the Lua, WebAssembly and JavaScript benchmarks call. */
public final class BenchPlayer implements Player {

    private final String name;
    int messages;

    /**
     * Creates the player.
     *
     * @param name its name
     */
    public BenchPlayer(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void sendMessage(String message) {
        messages++;
    }

    @Override
    public boolean hasPermission(String node) {
        return true;
    }

    @Override
    public String xuid() {
        return "0";
    }

    @Override
    public boolean isOnline() {
        return true;
    }

    @Override
    public Dimension dimension() {
        throw unsupported();
    }

    @Override
    public boolean teleport(Dimension dimension, Position position) {
        throw unsupported();
    }

    @Override
    public GameMode gameMode() {
        return GameMode.SURVIVAL;
    }

    @Override
    public void setGameMode(GameMode mode) {
        throw unsupported();
    }

    @Override
    public boolean isOp() {
        return false;
    }

    @Override
    public Inventory inventory() {
        throw unsupported();
    }

    @Override
    public void giveItem(ItemStack item) {
        throw unsupported();
    }

    @Override
    public int food() {
        throw unsupported();
    }

    @Override
    public void setFood(int food) {
        throw unsupported();
    }

    @Override
    public void clearInventory() {
        throw unsupported();
    }

    @Override
    public void sendTitle(String title, String subtitle, int fadeIn, int stay, int fadeOut) {
        throw unsupported();
    }

    @Override
    public void sendActionBar(String message) {
        throw unsupported();
    }

    @Override
    public void sendToast(String title, String content) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<FormResponse> sendForm(Form form) {
        throw unsupported();
    }

    @Override
    public void addEffect(Effect effect) {
        throw unsupported();
    }

    @Override
    public boolean removeEffect(String type) {
        throw unsupported();
    }

    @Override
    public List<Effect> effects() {
        return List.of();
    }

    @Override
    public void kick(String reason) {
        throw unsupported();
    }

    @Override
    public void transfer(String address, int port) {
        throw unsupported();
    }

    @Override
    public int ping() {
        return 0;
    }

    @Override
    public long id() {
        return 1;
    }

    @Override
    public UUID uuid() {
        return new UUID(0, 1);
    }

    @Override
    public String type() {
        return "minecraft:player";
    }

    @Override
    public World world() {
        throw unsupported();
    }

    @Override
    public Position position() {
        return new Position(0, 64, 0);
    }

    @Override
    public void teleport(Position position) {
        throw unsupported();
    }

    @Override
    public float health() {
        return 20;
    }

    @Override
    public float maxHealth() {
        return 20;
    }

    @Override
    public void setHealth(float health) {
        throw unsupported();
    }

    @Override
    public boolean damage(float amount, DamageCause cause, Optional<Entity> attacker) {
        throw unsupported();
    }

    @Override
    public boolean isValid() {
        return true;
    }

    @Override
    public void remove() {
        throw unsupported();
    }

    @Override
    public boolean explode(float power) {
        throw unsupported();
    }

    @Override
    public Optional<ItemStack> item() {
        return Optional.empty();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not needed by the benchmarks");
    }
}
