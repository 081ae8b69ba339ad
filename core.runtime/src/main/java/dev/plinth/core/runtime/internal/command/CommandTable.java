package dev.plinth.core.runtime.internal.command;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.command.CommandInfo;
import dev.plinth.core.runtime.command.CommandResult;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.tick.GameThread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Every resource's commands and how a typed line reaches one. {@code /owner:name} always reaches the command of
 * that owner; a bare {@code /name} (or alias) reaches the owner named by the server setting
 * {@code commands.owners}, else the resource that registered that name first since the server started — also after
 * it restarts or hot-reloads, so that a reload does not hand its {@code /name} to another resource. Conflicts are
 * logged as they appear; one that comes back unchanged (a resource in it restarted) is not logged again.
 *
 * <p>Registering is thread-safe (under a lock); each change rebuilds an immutable route table that
 * {@link #execute}, on the game thread, reads without locking.
 */
@Component(immediate = true, service = CommandTable.class)
public final class CommandTable {

    private final Map<String, String> preferredOwners;
    private final GameThread gameThread;
    private final Logger logger;
    private final List<RegisteredCommand> registrations = new ArrayList<>();
    /**
     * For each label registered now, the owners that registered it since it was last free, first come first: who gets
     * a bare name. A label nobody holds any more is forgotten, so names made up at run time do not pile up.
     */
    private final Map<String, List<String>> claims = new HashMap<>();
    /** The last conflict logged for each label, as logged: what the console was last told about it. */
    private final Map<String, String> conflictsLogged = new HashMap<>();
    private volatile Map<String, RegisteredCommand> routes = Map.of();

    /**
     * Creates the table.
     *
     * @param settings {@code commands.owners}
     * @param gameThread where commands run
     * @param logger where conflicts and failing commands are reported
     */
    @Activate
    public CommandTable(@Reference ServerSettings settings, @Reference GameThread gameThread,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.preferredOwners = settings.config().commands().owners();
        this.gameThread = gameThread;
        this.logger = logger;
    }

    /** Registers the server's own {@code /help}. */
    @Activate
    public void start() {
        register(Owner.SERVER, new HelpCommand(this).definition());
    }

    /**
     * Registers a command.
     *
     * @param owner the resource registering it
     * @param definition the command
     * @return the registration, to {@link #unregister} it
     * @throws CommandException when the owner already has a command or alias of one of its names
     */
    public synchronized RegisteredCommand register(Owner owner, CommandDefinition definition) {
        var command = new RegisteredCommand(owner, definition);
        for (RegisteredCommand other : registrations) {
            if (other.owner().equals(owner) && other.labels().stream().anyMatch(command.labels()::contains)) {
                throw new CommandException("ERR_ALREADY_REGISTERED: resource '" + owner + "' already registered /"
                        + other.definition().name() + ", which uses a name of /" + definition.name());
            }
        }
        registrations.add(command);
        for (String label : command.labels()) {
            List<String> owners = claims.computeIfAbsent(label, l -> new ArrayList<>());
            if (!owners.contains(owner.name())) {
                owners.add(owner.name());
            }
        }
        rebuild();
        reportConflicts(command);
        return command;
    }

    /**
     * Unregisters a command; nothing happens when it is not registered.
     *
     * @param command the registration
     */
    public synchronized void unregister(RegisteredCommand command) {
        if (registrations.remove(command)) {
            for (String label : command.labels()) {
                if (registrations.stream().noneMatch(c -> c.labels().contains(label))) {
                    claims.remove(label);
                    conflictsLogged.remove(label);
                }
            }
            rebuild();
        }
    }

    /** {@return every command, sorted by name then owner} */
    public List<CommandInfo> list() {
        Map<String, RegisteredCommand> current = routes;
        List<RegisteredCommand> all;
        synchronized (this) {
            all = List.copyOf(registrations);
        }
        return all.stream()
                .map(c -> c.info(current.get(c.definition().name()) == c))
                .sorted(Comparator.comparing(CommandInfo::name).thenComparing(CommandInfo::owner))
                .toList();
    }

    /**
     * Finds the command a label reaches.
     *
     * @param label {@code name}, {@code alias} or {@code owner:name}
     * @return the command, or empty
     */
    public Optional<RegisteredCommand> resolve(String label) {
        return Optional.ofNullable(routes.get(label.toLowerCase(Locale.ROOT)));
    }

    /**
     * Runs a command line as a sender, telling them about unknown commands, missing permissions and failures.
     *
     * @param sender who runs it
     * @param line the line, with or without its slash
     * @return what became of it
     * @throws WrongThreadException when not called on the game thread
     */
    public CommandResult execute(CommandSender sender, String line) {
        if (!gameThread.isGameThread()) {
            throw new WrongThreadException("commands run on the game thread; use GameThread.execute");
        }
        String[] words = line.strip().replaceFirst("^/", "").strip().split("\\s+");
        String label = words[0].toLowerCase(Locale.ROOT);
        List<String> args = List.of(words).subList(1, words.length);
        RegisteredCommand command = routes.get(label);
        if (command == null) {
            sender.sendMessage("Unknown command: /" + label + ". Type /help for the list of commands.");
            return CommandResult.UNKNOWN;
        }
        Optional<String> permission = command.definition().permission();
        if (permission.isPresent() && !sender.hasPermission(permission.get())) {
            sender.sendMessage("You do not have permission to use /" + label + " (" + permission.get() + ").");
            return CommandResult.DENIED;
        }
        try {
            command.definition().handler().execute(sender, args);
            return CommandResult.EXECUTED;
        } catch (CommandException e) {
            sender.sendMessage(e.getMessage());
            return CommandResult.FAILED;
        } catch (Exception | LinkageError | StackOverflowError e) {
            logger.error("command /{} of resource '{}' failed for {}", command.qualifiedName(), command.owner(),
                    sender.name(), e);
            sender.sendMessage("An error occurred while running /" + label + ".");
            return CommandResult.FAILED;
        }
    }

    /** Rebuilds the routes from the registrations; called with the lock held. */
    private void rebuild() {
        var candidates = new LinkedHashMap<String, List<RegisteredCommand>>();
        var next = new HashMap<String, RegisteredCommand>();
        for (RegisteredCommand command : registrations) {
            for (String label : command.labels()) {
                next.put(command.owner().name() + ":" + label, command);
                candidates.computeIfAbsent(label, l -> new ArrayList<>()).add(command);
            }
        }
        candidates.forEach((label, commands) -> next.put(label, choose(label, commands)));
        routes = Map.copyOf(next);
    }

    private RegisteredCommand choose(String label, List<RegisteredCommand> commands) {
        String preferred = preferredOwners.get(label);
        return commands.stream()
                .filter(c -> c.owner().name().equals(preferred))
                .findFirst()
                .orElseGet(() -> commands.stream().min(byClaim(label)).orElseThrow());
    }

    /** Orders a label's commands by when their owners first registered it. */
    private Comparator<RegisteredCommand> byClaim(String label) {
        List<String> owners = claims.getOrDefault(label, List.of());
        return Comparator.comparingInt(c -> owners.indexOf(c.owner().name()));
    }

    private void reportConflicts(RegisteredCommand added) {
        for (String label : added.labels()) {
            List<String> owners = registrations.stream()
                    .filter(c -> c.labels().contains(label))
                    .sorted(byClaim(label))
                    .map(c -> c.owner().name())
                    .toList();
            if (owners.size() > 1) {
                RegisteredCommand winner = routes.get(label);
                String reason = preferredOwners.containsKey(label)
                        ? "as commands.owners." + label + " in conf/server.json says"
                        : "registered first; set commands.owners." + label + " in conf/server.json to choose";
                String conflict = "command /" + label + " is registered by " + owners + ": /" + label + " runs "
                        + winner.owner() + "'s (" + reason + "); the others stay reachable as "
                        + Arrays.toString(owners.stream().filter(o -> !o.equals(winner.owner().name()))
                                .map(o -> "/" + o + ":" + label).toArray());
                if (!conflict.equals(conflictsLogged.put(label, conflict))) {
                    logger.warn("{}", conflict);
                }
            }
        }
    }
}
