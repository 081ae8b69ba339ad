package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.event.player.PlayerChangeDimensionEvent;
import dev.plinth.core.runtime.event.player.PlayerDeathEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.event.player.PlayerQuitEvent;
import dev.plinth.core.runtime.event.player.PlayerRespawnEvent;
import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.internal.form.PendingForm;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Inventory;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated player. What a real client would show (messages, titles, toasts, forms, kicks) goes to an inbox
 * that {@code sim:inbox} prints. Name, UUID and XUID may be read from any thread; the rest is game thread only.
 */
public final class SimPlayer extends SimEntity implements Player {

    private final String name;
    private final String xuid;
    private final SimInventory inventory;
    private int food = MAX_FOOD;
    private final List<InboxEntry> inbox = new ArrayList<>();
    private final Map<String, Effect> effects = new LinkedHashMap<>();
    private final Map<Integer, PendingForm> openForms = new LinkedHashMap<>();
    private GameMode gameMode = GameMode.SURVIVAL;
    private boolean online;
    private int lastFormId;
    private int deaths;

    SimPlayer(SimServer server, long id, String name, SimWorld world, Position position) {
        super(server, id, UUID.nameUUIDFromBytes(("OfflinePlayer:" + name).getBytes(StandardCharsets.UTF_8)),
                LootTable.PLAYER, world, position, Optional.empty());
        this.name = name;
        this.xuid = Long.toString(2_535_400_000_000_000L + (name.hashCode() & 0xffff_ffffL));
        this.inventory = new SimInventory(server);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String xuid() {
        return xuid;
    }

    @Override
    public boolean isOnline() {
        server.checkThread();
        return online;
    }

    @Override
    public Dimension dimension() {
        server.checkThread();
        return simWorld().dimension();
    }

    @Override
    public boolean teleport(Dimension dimension, Position position) {
        server.checkThread();
        if (!online) {
            return false;
        }
        SimWorld from = simWorld();
        if (dimension == from.dimension()) {
            moveTo(position);
            return true;
        }
        if (server.post(new PlayerChangeDimensionEvent(this, from.dimension(), dimension)).isCancelled()) {
            return false;
        }
        changeWorld(server.world(dimension), position);
        return true;
    }

    private void changeWorld(SimWorld to, Position position) {
        simWorld().remove(this);
        place(to, position);
    }

    @Override
    public GameMode gameMode() {
        server.checkThread();
        return gameMode;
    }

    @Override
    public void setGameMode(GameMode mode) {
        server.checkThread();
        this.gameMode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public boolean isOp() {
        return server.permissions().isOp(name);
    }

    @Override
    public boolean hasPermission(String node) {
        return server.permissions().has(name, node);
    }

    @Override
    public Inventory inventory() {
        server.checkThread();
        return inventory;
    }

    @Override
    public void giveItem(ItemStack item) {
        server.checkThread();
        int left = inventory.add(item);
        if (left > 0) {
            simWorld().dropItem(position(), item.withCount(left));
        }
    }

    @Override
    public int food() {
        server.checkThread();
        return food;
    }

    @Override
    public void setFood(int food) {
        server.checkThread();
        this.food = Math.clamp(food, 0, MAX_FOOD);
    }

    @Override
    public void clearInventory() {
        inventory.clear();
    }

    @Override
    public void sendMessage(String message) {
        deliver(new InboxEntry.Message(message));
    }

    @Override
    public void sendTitle(String title, String subtitle, int fadeIn, int stay, int fadeOut) {
        deliver(new InboxEntry.Title(title, subtitle, fadeIn, stay, fadeOut));
    }

    @Override
    public void sendActionBar(String message) {
        deliver(new InboxEntry.ActionBar(message));
    }

    @Override
    public void sendToast(String title, String content) {
        deliver(new InboxEntry.Toast(title, content));
    }

    private void deliver(InboxEntry entry) {
        server.checkThread();
        if (online) {
            inbox.add(entry);
        }
    }

    @Override
    public CompletableFuture<FormResponse> sendForm(Form form) {
        server.checkThread();
        var response = new CompletableFuture<FormResponse>();
        if (!online) {
            response.complete(new FormResponse.Closed());
            return response;
        }
        var pending = new PendingForm(++lastFormId, Objects.requireNonNull(form, "form"), response,
                server.tick() + server.config().forms().timeoutTicks());
        openForms.put(pending.id(), pending);
        inbox.add(new InboxEntry.FormShown(pending));
        // ended elsewhere (its resource stopped): no longer open for the player
        response.whenComplete((outcome, failure) -> openForms.remove(pending.id(), pending));
        return response;
    }

    /**
     * Ends an open form with the player's answer; the sender's callbacks run inside this call.
     *
     * @param id the form's number
     * @param outcome the answer
     * @return {@code false} when no form of that number is open
     */
    boolean answer(int id, FormResponse outcome) {
        PendingForm form = openForms.remove(id);
        return form != null && form.complete(outcome);
    }

    /** {@return the open form of a number} */
    Optional<PendingForm> openForm(int id) {
        return Optional.ofNullable(openForms.get(id));
    }

    @Override
    public void addEffect(Effect effect) {
        server.checkThread();
        effects.put(effect.type(), effect);
    }

    @Override
    public boolean removeEffect(String type) {
        server.checkThread();
        return effects.remove(Identifier.normalize(type)) != null;
    }

    @Override
    public List<Effect> effects() {
        server.checkThread();
        return List.copyOf(effects.values());
    }

    @Override
    public void kick(String reason) {
        server.checkThread();
        if (online) {
            inbox.add(new InboxEntry.Kicked(reason));
            disconnect();
        }
    }

    @Override
    public void transfer(String address, int port) {
        server.checkThread();
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a port is from 1 to 65535, not " + port);
        }
        if (online) {
            inbox.add(new InboxEntry.Transferred(address, port));
            disconnect();
        }
    }

    @Override
    public int ping() {
        server.checkThread();
        return 0;
    }

    @Override
    boolean immuneTo(DamageCause cause) {
        return (gameMode == GameMode.CREATIVE || gameMode == GameMode.SPECTATOR) && cause != DamageCause.VOID;
    }

    @Override
    public void remove() {
        throw new UnsupportedOperationException("players are not removed: kick " + name + " instead");
    }

    /** A player survives their own explosion. */
    @Override
    void afterExplosion() {}

    /**
     * The player joins: online during {@code player_join}; cancelled, kicked with the event's kick message.
     *
     * @return the event after its handlers ran
     */
    PlayerJoinEvent connect() {
        online = true;
        server.markOnline(this);
        place(simWorld(), position());
        var event = server.post(new PlayerJoinEvent(this, name + " joined the game"));
        if (event.isCancelled()) {
            inbox.add(new InboxEntry.Kicked(event.kickMessage()));
            goOffline();
        } else if (!event.joinMessage().isEmpty()) {
            server.broadcast(event.joinMessage());
        }
        return event;
    }

    /** The player leaves: {@code player_quit} while still online, then the others read the quit message. */
    void disconnect() {
        var event = server.post(new PlayerQuitEvent(this, name + " left the game"));
        goOffline();
        if (!event.quitMessage().isEmpty()) {
            server.broadcast(event.quitMessage());
        }
    }

    private void goOffline() {
        online = false;
        server.markOffline(this);
        List.copyOf(openForms.values()).forEach(form -> form.complete(new FormResponse.Closed()));
        openForms.clear();
        leave();
    }

    @Override
    void die(DamageCause cause, Optional<Entity> killer) {
        String message = killer
                .map(k -> name + " was slain by " + (k instanceof Player p ? p.name() : k.type()))
                .orElse(name + " died (" + cause.id() + ")");
        var event = server.post(new PlayerDeathEvent(this, cause, killer, message,
                server.config().game().keepInventory()));
        if (!event.deathMessage().isEmpty()) {
            server.broadcast(event.deathMessage());
        }
        if (!event.keepInventory()) {
            Position where = position();
            inventory.contents().forEach(stack -> simWorld().dropItem(where, stack));
            inventory.clear();
        }
        effects.clear();
        deaths++;
        respawn();
    }

    /** {@return how often the player died} */
    int deaths() {
        return deaths;
    }

    private void respawn() {
        SimWorld overworld = server.world(Dimension.OVERWORLD);
        var event = server.post(new PlayerRespawnEvent(this, overworld.spawnPoint()));
        heal();
        food = MAX_FOOD;
        if (simWorld() != overworld) {
            changeWorld(overworld, event.respawnPosition());
        } else {
            moveTo(event.respawnPosition());
        }
    }

    /** One tick of the player's own clock: effects run out, unanswered forms time out. */
    void tick(long tick) {
        effects.values().removeIf(effect -> effect.durationTicks() <= 1);
        effects.replaceAll((type, effect) -> new Effect(type, effect.durationTicks() - 1, effect.amplifier()));
        for (PendingForm form : List.copyOf(openForms.values())) {
            if (tick >= form.deadlineTick()) {
                openForms.remove(form.id());
                form.complete(new FormResponse.TimedOut());
            }
        }
    }

    /** {@return what the player received, one line each} */
    List<String> inboxLines() {
        var lines = new ArrayList<String>(inbox.size());
        for (int i = 0; i < inbox.size(); i++) {
            lines.add((i + 1) + " " + inbox.get(i).render());
        }
        return lines;
    }

    /** {@return the inventory, one line per non-empty slot} */
    List<String> inventoryLines() {
        return inventory.describe();
    }
}
