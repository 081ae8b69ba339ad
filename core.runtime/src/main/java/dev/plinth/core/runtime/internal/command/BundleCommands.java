package dev.plinth.core.runtime.internal.command;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.command.CommandInfo;
import dev.plinth.core.runtime.command.CommandRegistration;
import dev.plinth.core.runtime.command.CommandResult;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.permission.Permissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link Commands} of one resource: one instance per bundle that uses the service. When the bundle releases
 * it (it stops), every command it registered is unregistered. Thread-safe.
 */
@Component(service = Commands.class, scope = ServiceScope.BUNDLE)
public final class BundleCommands implements Commands {

    private final Owner owner;
    private final CommandTable table;
    private final Set<Registration> registered = ConcurrentHashMap.newKeySet();

    /**
     * Creates the registry of the bundle that gets the service.
     *
     * @param context the component context, for the using bundle
     * @param table the shared command table
     */
    @Activate
    public BundleCommands(ComponentContext context, @Reference CommandTable table) {
        this(Owner.of(context.getUsingBundle()), table);
    }

    /**
     * Creates the registry of a resource.
     *
     * @param owner the resource
     * @param table the shared command table
     */
    public BundleCommands(Owner owner, CommandTable table) {
        this.owner = owner;
        this.table = table;
    }

    /** Unregisters every command of the resource. */
    @Deactivate
    public void close() {
        registered.forEach(Registration::close);
    }

    @Override
    public CommandRegistration register(CommandDefinition command) {
        command.permission().ifPresent(node -> {
            if (!Permissions.NODE.matcher(node).matches()) {
                throw new CommandException("resource '" + owner + "': command /"
                        + command.name() + " has the malformed permission '" + node + "'; write plugin.category.action");
            }
        });
        var registration = new Registration(table.register(owner, command));
        registered.add(registration);
        return registration;
    }

    @Override
    public List<CommandInfo> list() {
        return table.list();
    }

    @Override
    public CommandResult execute(CommandSender sender, String line) {
        return table.execute(sender, line);
    }

    /** One registered command; closing it unregisters it. */
    private final class Registration implements CommandRegistration {
        private final RegisteredCommand command;

        Registration(RegisteredCommand command) {
            this.command = command;
        }

        @Override
        public CommandInfo info() {
            return table.resolve(command.qualifiedName())
                    .map(c -> c.info(table.resolve(c.definition().name()).orElse(null) == c))
                    .orElse(command.info(false));
        }

        @Override
        public void close() {
            registered.remove(this);
            table.unregister(command);
        }
    }
}
