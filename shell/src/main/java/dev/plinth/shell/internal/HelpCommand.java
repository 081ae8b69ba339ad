package dev.plinth.shell.internal;

import dev.plinth.shell.CommandUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code help} (scope {@code plinth}, found before Gogo's own through the shells' {@code SCOPE}): every command of
 * the shell with what it does, and, for one command, each of its forms with its named parameters, as
 * {@link CommandUsage} describes them. It knows every command registered with {@code osgi.command.scope}, Plinth's
 * and the framework's.
 *
 * <p>Called on the shell's thread; reads the service registry at each call.
 */
@Component(service = HelpCommand.class, property = {"osgi.command.scope=plinth", "osgi.command.function=help"})
public final class HelpCommand {

    private static final String SCOPE = "osgi.command.scope";
    private static final String FUNCTION = "osgi.command.function";

    private final BundleContext context;

    /**
     * Creates the command.
     *
     * @param context the shell bundle's context, to find the commands
     */
    @Activate
    public HelpCommand(BundleContext context) {
        this.context = context;
    }

    /**
     * {@code help}.
     *
     * @return every command, with what it does
     */
    @Descriptor("list every command with what it does; 'help COMMAND' shows its usage")
    public String help() {
        var lines = new StringBuilder();
        commands().forEach((name, type) -> lines.append(String.format(Locale.ROOT, "%-24s %s%n", name,
                CommandUsage.summary(type, name.substring(name.indexOf(':') + 1)).orElse(""))));
        return lines.toString().stripTrailing();
    }

    /**
     * {@code help COMMAND}.
     *
     * @param command a command, with or without its scope ({@code sim:join}, {@code join})
     * @return its usage, or where no command has that name, what is close
     */
    @Descriptor("show the usage of a command: its forms, named parameters and what it does")
    public String help(@Descriptor("the command, with or without its scope: sim:join, join") String command) {
        var found = new ArrayList<String>();
        commands().forEach((name, type) -> {
            String scope = name.substring(0, name.indexOf(':'));
            String function = name.substring(name.indexOf(':') + 1);
            if (name.equals(command) || function.equals(command)) {
                found.add(CommandUsage.describe(scope, type, function));
            }
        });
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no command named '" + command + "'. Type 'help' to list the commands.");
        }
        return String.join("\n\n", found);
    }

    /** Missing or wrong arguments. */
    public Object help(Object... wrong) {
        return CommandUsage.fail("plinth", this, "help");
    }

    /** Every command, {@code scope:function} → the class whose methods it is. */
    private Map<String, Class<?>> commands() {
        var commands = new TreeMap<String, Class<?>>();
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(null, "(" + SCOPE + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("a constant filter", e);
        }
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            Object service = context.getService(reference);
            if (service == null) {
                continue;
            }
            try {
                String scope = String.valueOf(reference.getProperty(SCOPE));
                for (String function : functions(reference.getProperty(FUNCTION))) {
                    commands.put(scope + ":" + function, service.getClass());
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return commands;
    }

    private static List<String> functions(Object property) {
        return switch (property) {
            case String one -> List.of(one);
            case String[] many -> List.of(many);
            case Collection<?> many -> many.stream().map(String::valueOf).toList();
            case null, default -> List.of();
        };
    }
}
