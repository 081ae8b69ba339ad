package dev.plinth.examples.hello;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.Subscribe;
import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.event.player.PlayerBreakBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.form.SimpleForm;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.plugin.PlinthPlugin;
import dev.plinth.core.runtime.plugin.Plugin;
import dev.plinth.core.runtime.plugin.RequiresResource;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.server.Server;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The example Java plugin {@code hello}. It shows each part of the host API a plugin uses:
 * <ul>
 *   <li>{@code @PlinthPlugin} makes the bundle the resource {@code hello} 1.0.0, and {@code @RequiresResource}
 *       makes it need the server resource 0.x;</li>
 *   <li>Declarative Services hands it the bundle-scoped services, so everything it registers is its own and
 *       disappears when it stops;</li>
 *   <li>{@link #onEnable()} (on the game thread) registers {@code /hello}, {@code /announce} (needs the permission
 *       {@code hello.command.announce}) and {@code /menu} (a form), the event handlers of this class, and a
 *       repeating tip;</li>
 *   <li>the handlers block chat messages with a forbidden word and refuse to let bedrock be broken.</li>
 * </ul>
 */
@PlinthPlugin(name = "hello", version = "1.0.0")
@RequiresResource(name = "server", min = "0.1.0")
@Component(service = Plugin.class)
public final class HelloPlugin implements Plugin {

    private final Server server;
    private final Commands commands;
    private final Scheduler scheduler;
    private final EventBus events;
    private final ConfigStore configs;
    private HelloConfig config = HelloConfig.DEFAULTS;

    /**
     * Receives the services.
     *
     * @param server the game server
     * @param commands this plugin's command registry
     * @param scheduler this plugin's scheduler
     * @param events this plugin's view of the event bus
     * @param configs this plugin's config files
     */
    @Activate
    public HelloPlugin(@Reference Server server, @Reference Commands commands, @Reference Scheduler scheduler,
            @Reference EventBus events, @Reference ConfigStore configs) {
        this.server = server;
        this.commands = commands;
        this.scheduler = scheduler;
        this.events = events;
        this.configs = configs;
    }

    /** Reads {@code data/hello/config.toml} where the bundle starts, off the game thread (file access is slow). */
    @Activate
    void readConfig() {
        config = configs.loadOrCreate("config.toml", HelloConfig.class, HelloConfig.DEFAULTS);
    }

    @Override
    public void onEnable() {
        commands.register(CommandDefinition.of("hello", this::hello)
                .withDescription("Greets you")
                .withUsage("/hello"));
        commands.register(CommandDefinition.of("announce", this::announce)
                .withDescription("Shows a title to every player")
                .withUsage("/announce TEXT...")
                .withPermission("hello.command.announce"));
        commands.register(CommandDefinition.of("menu", this::menu).withDescription("Opens the hello menu"));
        events.register(this);
        scheduler.runRepeating(config.tipPeriodTicks(), config.tipPeriodTicks(), () -> server.broadcast(config.tip()));
        server.logger().info("hello is enabled: /hello, /announce, /menu; blocking {}", config.forbiddenWords());
    }

    @Override
    public void onDisable() {
        server.logger().info("hello is disabled");
    }

    /**
     * Welcomes a player who joins.
     *
     * @param event the join
     */
    @Subscribe
    public void onJoin(PlayerJoinEvent event) {
        event.player().sendToast("Welcome", "This server runs the hello plugin");
    }

    /**
     * Blocks a chat message with a forbidden word, and tells its author.
     *
     * @param event the chat message
     */
    @Subscribe
    public void onChat(PlayerChatEvent event) {
        String message = event.message().toLowerCase(Locale.ROOT);
        config.forbiddenWords().stream().filter(message::contains).findFirst().ifPresent(word -> {
            event.cancel();
            event.player().sendMessage("Your message was blocked: '" + word + "' is not allowed here.");
        });
    }

    /**
     * Refuses to let bedrock be broken.
     *
     * @param event the block break
     */
    @Subscribe
    public void onBreak(PlayerBreakBlockEvent event) {
        if (event.block().type().equals("minecraft:bedrock")) {
            event.cancel();
            event.player().sendActionBar("Bedrock cannot be broken here.");
        }
    }

    private void hello(CommandSender sender, List<String> args) {
        sender.sendMessage(config.greeting().replace("{player}", sender.name()));
    }

    private void announce(CommandSender sender, List<String> args) {
        if (args.isEmpty()) {
            throw new CommandException("Usage: /announce TEXT...");
        }
        String text = String.join(" ", args);
        server.onlinePlayers().forEach(player -> player.sendTitle(text, "from " + sender.name(), 10, 70, 20));
    }

    private void menu(CommandSender sender, List<String> args) {
        if (!(sender instanceof Player player)) {
            throw new CommandException("Only players can open the menu.");
        }
        var form = SimpleForm.of("Hello menu", "What do you want?").withButton("A greeting").withButton("The time");
        player.sendForm(form).thenAccept(response -> {
            switch (response) {
                case FormResponse.ButtonPressed(int index, _) when index == 0 -> hello(player, List.of());
                case FormResponse.ButtonPressed _ -> player.sendMessage("It is tick " + server.tick() + ".");
                default -> player.sendMessage("Maybe later, then.");
            }
        });
    }
}
