package dev.plinth.core.resource.internal.reload;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.lifecycle.Caller;
import dev.plinth.core.resource.internal.lifecycle.ResourceManager;
import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.command.CommandRegistration;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.tick.GameThread;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /reload <name>} in game, for operators (permission {@value ReloadFeedback#PERMISSION}), beside the shell's
 * {@code resource:restart}, as MC-RS has it: the resource's {@code on_disable}, its registrations gone, its new code
 * loaded, its {@code on_enable}, here with its state handed over and its players replayed. The command returns at
 * once ({@code §7[reload] reloading chat-demo...}); the reload runs on the deployer's thread, and its outcome reaches
 * every operator online ({@link ReloadFeedback}). What stops it before it begins (no such resource, a system
 * resource, one mid-transition) is answered to the sender.
 *
 * <p>Thread rules: the command runs on the game thread; the reload off it.
 */
@Component(immediate = true, service = {})
public final class ReloadCommand {

    /** What the command is typed as. */
    public static final String USAGE = "/reload <name>";
    /** The codes a reload has not told the operators about: it never began. */
    private static final Set<ResourceErrorCode> UNTOLD = Set.of(ResourceErrorCode.ERR_NOT_FOUND,
            ResourceErrorCode.ERR_SYSTEM_RESOURCE, ResourceErrorCode.ERR_RESOURCE_LOCKED,
            ResourceErrorCode.ERR_INVALID_MANIFEST, ResourceErrorCode.ERR_INVALID_NAME);

    private final ResourceManager manager;
    private final GameThread gameThread;
    private final CommandRegistration registration;

    /**
     * Registers the command.
     *
     * @param commands core.resource's command registry
     * @param manager the resource manager
     * @param gameThread where the answers are sent from
     */
    @Activate
    public ReloadCommand(@Reference Commands commands, @Reference ResourceManager manager,
            @Reference GameThread gameThread) {
        this.manager = manager;
        this.gameThread = gameThread;
        this.registration = commands.register(CommandDefinition.of("reload", this::execute)
                .withDescription("reload a resource with its current files, keeping its state and players")
                .withUsage(USAGE)
                .withPermission(ReloadFeedback.PERMISSION));
    }

    /** Withdraws the command. */
    @Deactivate
    void close() {
        registration.close();
    }

    private void execute(CommandSender sender, List<String> args) {
        if (args.size() != 1) {
            throw new CommandException("Usage: " + USAGE);
        }
        String name = args.getFirst();
        try {
            manager.info(name);
        } catch (ResourceException e) {
            throw new CommandException(e.getMessage());
        }
        sender.sendMessage("§7[reload] reloading " + name + "...");
        manager.restartLater(Caller.SYSTEM, name).whenComplete((result, failure) -> answer(sender, name, result, failure));
    }

    private void answer(CommandSender sender, String name, LifecycleResult result, Throwable failure) {
        String message;
        if (failure == null) {
            boolean reloaded = result.stopped().contains(name);
            if (reloaded) {
                return; // the reload told every operator
            }
            message = "§a[reload] " + result.message();
        } else {
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (cause instanceof ResourceException e && !UNTOLD.contains(e.code())) {
                return; // the reload told every operator
            }
            message = "§c[reload] " + cause.getMessage();
        }
        try {
            gameThread.execute(() -> sender.sendMessage(message));
        } catch (RejectedExecutionException e) {
            // the server stopped meanwhile
        }
    }
}
