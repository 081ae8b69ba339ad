package dev.plinth.core.resource.internal.shell;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.payload.ClientPayload;
import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.resource.payload.PayloadFile;
import dev.plinth.core.runtime.client.Clients;
import dev.plinth.core.runtime.progress.ProgressUnit;
import dev.plinth.core.resource.internal.lifecycle.ResourceManager;
import dev.plinth.shell.CommandUsage;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The shell commands of scope {@code resource}: list, info, start, stop, restart, ensure, deps, why, watch, unwatch
 * and files. They act as the system context. {@code watch} and {@code unwatch} without a name print their usage. A
 * failed command throws the resource exception, whose message starts with the error code
 * ({@code ERR_DEPENDENCY_MISSING: chat-demo needs core [1.0.0,2.0.0), none installed}); the console prints it after
 * {@code ERROR:}.
 *
 * <p>Called on the shell's thread; the lifecycle commands block until their transitions are done.
 */
@Component(service = ResourceCommands.class, property = {
        "osgi.command.scope=resource",
        "osgi.command.function=list", "osgi.command.function=info", "osgi.command.function=start",
        "osgi.command.function=stop", "osgi.command.function=restart", "osgi.command.function=ensure",
        "osgi.command.function=deps", "osgi.command.function=why", "osgi.command.function=watch",
        "osgi.command.function=unwatch", "osgi.command.function=files"})
public final class ResourceCommands {

    private static final String SCOPE = "resource";

    private final ResourceService resources;
    private final ClientPayloads payloads;
    private final ResourceManager manager;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clients clients;

    /**
     * Creates the commands.
     *
     * @param resources the lifecycle service, as the system context
     * @param payloads the client payloads
     * @param manager the resource manager, which knows what provides a dependency
     */
    @Activate
    public ResourceCommands(@Reference ResourceService resources, @Reference ClientPayloads payloads,
            @Reference ResourceManager manager) {
        this.resources = resources;
        this.payloads = payloads;
        this.manager = manager;
    }

    /**
     * {@code resource:list}.
     *
     * @return a table: name, type, language, version, state
     */
    @Descriptor("list the resources: name, type, language, version, state")
    public String list() {
        List<ResourceInfo> all = resources.list();
        if (all.isEmpty()) {
            return "No resources: drop a folder, zip or jar into resources/.";
        }
        var table = new Table("NAME", "TYPE", "LANGUAGE", "VERSION", "STATE");
        for (ResourceInfo info : all) {
            table.row(info.name(), info.type().id(), info.language().id(), info.version().toString(),
                    info.state().id() + (info.system() ? " (system)" : ""));
        }
        return table.toString();
    }

    /**
     * {@code resource:info NAME}.
     *
     * @param name the resource
     * @return what it is, its state, dependencies, dependents and files
     */
    @Descriptor("show a resource: type, version, author, state, dependencies, dependents, files, clients ready, last error")
    public String info(@Descriptor("the resource name") String name) {
        ResourceInfo info = resources.info(name);
        var lines = new Table("", "");
        lines.row("name", info.name());
        lines.row("type", info.type().id());
        lines.row("language", info.language().id());
        lines.row("version", info.version().toString());
        lines.row("author", info.author().isEmpty() ? "-" : info.author());
        lines.row("description", info.description().isEmpty() ? "-" : info.description());
        lines.row("state", info.state().id() + (info.system() ? " (system resource)" : ""));
        lines.row("source", info.source().isEmpty() ? "-" : "resources/" + info.source());
        lines.row("dependencies", info.dependencies().isEmpty() ? "-"
                : String.join(", ", info.dependencies().stream().map(Dependency::toString).toList()));
        lines.row("dependents", info.dependents().isEmpty() ? "-" : String.join(", ", info.dependents()));
        lines.row("files", info.files().isEmpty() ? "-" : String.join(", ", info.files()));
        if (!info.system()) {
            lines.row("watched", resources.watchedBy(name).map(by -> "yes (" + by + ")").orElse("no"));
        }
        Clients connected = clients;
        if (connected != null && info.state() == ResourceState.STARTED && sendsClients(name)) {
            lines.row("clients ready", connected.readyCount(name) + " of " + connected.connected().size()
                    + " connected (Resource.MarkReady)");
        }
        info.lastError().ifPresent(error -> lines.row("last error", error));
        return lines.withoutHeader();
    }

    /**
     * {@code resource:start NAME}.
     *
     * @param name the resource
     * @return what was started
     */
    @Descriptor("start a resource, its dependencies first")
    public String start(@Descriptor("the resource name") String name) {
        return capitalize(resources.start(name).message());
    }

    /**
     * {@code resource:stop NAME}.
     *
     * @param name the resource
     * @return what was stopped
     */
    @Descriptor("stop a resource, the resources that need it first")
    public String stop(@Descriptor("the resource name") String name) {
        return capitalize(resources.stop(name).message());
    }

    /**
     * {@code resource:restart NAME}.
     *
     * @param name the resource
     * @return what was restarted
     */
    @Descriptor("restart a resource with its current content; rolls back if the new content fails to start")
    public String restart(@Descriptor("the resource name") String name) {
        return capitalize(resources.restart(name).message());
    }

    /**
     * {@code resource:ensure NAME}.
     *
     * @param name the resource
     * @return what was started, if anything
     */
    @Descriptor("start a resource unless it is started")
    public String ensure(@Descriptor("the resource name") String name) {
        return capitalize(resources.ensure(name).message());
    }

    /**
     * {@code resource:watch NAME}.
     *
     * @param name the resource
     * @return what was done
     */
    @Descriptor("reload a resource as soon as its files change (development mode)")
    public String watch(@Descriptor("the resource name") String name) {
        return capitalize(resources.watch(name, true));
    }

    /**
     * {@code resource:unwatch NAME}.
     *
     * @param name the resource
     * @return what was done
     */
    @Descriptor("stop reloading a resource when its files change")
    public String unwatch(@Descriptor("the resource name") String name) {
        return capitalize(resources.watch(name, false));
    }

    /**
     * {@code resource:deps NAME}.
     *
     * @param name the resource
     * @return its dependency tree and its dependents
     */
    @Descriptor("show what a resource needs (as a tree) and what needs it")
    public String deps(@Descriptor("the resource name") String name) {
        ResourceInfo info = resources.info(name);
        var text = new StringBuilder(label(info)).append('\n');
        tree(info, "", text, new HashSet<>(Set.of(info.name())));
        text.append("needed by: ").append(info.dependents().isEmpty() ? "nothing" : String.join(", ", info.dependents()));
        return text.toString();
    }

    /**
     * {@code resource:why NAME}.
     *
     * @param name the resource
     * @return the reasons it is not started
     */
    @Descriptor("explain why a resource is not resolved or not started")
    public String why(@Descriptor("the resource name") String name) {
        List<String> reasons = resources.diagnose(name);
        return reasons.isEmpty() ? name + " is started" : String.join("\n", reasons);
    }

    /**
     * {@code resource:files NAME}.
     *
     * @param name the resource
     * @return its client payload: each file's path, size, cache flag and hash
     */
    @Descriptor("list what clients receive of a started resource: path, size, cache flag, SHA-256")
    public String files(@Descriptor("the resource name") String name) {
        ResourceInfo info = resources.info(name);
        if (info.state() != ResourceState.STARTED) {
            return name + " is " + info.state().id() + ": clients receive the files of started resources";
        }
        Optional<ClientPayload> payload = payloads.payload(name);
        if (payload.isEmpty()) {
            return name + " sends clients nothing: no client scripts, assets or client files";
        }
        ClientPayload p = payload.get();
        var table = new Table("PATH", "SIZE", "CACHE", "SHA-256");
        for (PayloadFile file : p.files()) {
            table.row(file.path(), ProgressUnit.BYTES.format(file.size()), file.cache() ? "yes" : "no", file.sha256());
        }
        long cached = p.files().stream().filter(PayloadFile::cache).count();
        return name + " " + p.version() + ": " + p.files().size() + " file(s), " + ProgressUnit.BYTES.format(p.size())
                + ", " + cached + " cached by clients, " + (p.files().size() - cached) + " fetched each session\n"
                + table;
    }

    private boolean sendsClients(String name) {
        try {
            return payloads.payload(name).isPresent();
        } catch (ResourceException e) {
            return false;
        }
    }

    /** Missing or wrong arguments: the usage. */
    public Object list(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "list");
    }

    /** Missing or wrong arguments: the usage. */
    public Object info(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "info");
    }

    /** Missing or wrong arguments: the usage. */
    public Object start(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "start");
    }

    /** Missing or wrong arguments: the usage. */
    public Object stop(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "stop");
    }

    /** Missing or wrong arguments: the usage. */
    public Object restart(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "restart");
    }

    /** Missing or wrong arguments: the usage. */
    public Object ensure(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "ensure");
    }

    /** Missing or wrong arguments: the usage. */
    public Object deps(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "deps");
    }

    /** Missing or wrong arguments: the usage. */
    public Object why(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "why");
    }

    /** Missing or wrong arguments: the usage. */
    public Object watch(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "watch");
    }

    /** Missing or wrong arguments: the usage. */
    public Object unwatch(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "unwatch");
    }

    /** Missing or wrong arguments: the usage. */
    public Object files(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "files");
    }

    private void tree(ResourceInfo info, String indent, StringBuilder text, Set<String> path) {
        List<Dependency> dependencies = info.dependencies();
        for (int i = 0; i < dependencies.size(); i++) {
            Dependency dependency = dependencies.get(i);
            boolean last = i == dependencies.size() - 1;
            text.append(indent).append(last ? "└─ " : "├─ ").append(dependency).append(": ");
            Optional<ResourceInfo> provider = provider(dependency);
            if (provider.isEmpty()) {
                text.append(switch (dependency.kind()) {
                    case GAME -> "checked against the game's version at start";
                    case CLIENT -> "checked by clients";
                    case PACK -> "MISSING: no pack with this uuid in this range is installed";
                    default -> "MISSING";
                }).append('\n');
            } else if (!path.add(provider.get().name())) {
                text.append(label(provider.get())).append(" (cycle)\n");
            } else {
                text.append(label(provider.get())).append('\n');
                tree(provider.get(), indent + (last ? "   " : "│  "), text, path);
                path.remove(provider.get().name());
            }
        }
    }

    /** The resource that provides a dependency: by name, the server, or for a pack's uuid the pack that has it. */
    private Optional<ResourceInfo> provider(Dependency dependency) {
        List<String> names = switch (dependency.kind()) {
            case RESOURCE -> List.of(dependency.name());
            case SERVER -> List.of("server");
            case PACK -> manager.providersOf(dependency);
            case GAME, CLIENT -> List.of();
        };
        for (String name : names) {
            try {
                return Optional.of(resources.info(name));
            } catch (ResourceException e) {
                if (e.code() != ResourceErrorCode.ERR_NOT_FOUND) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    private static String label(ResourceInfo info) {
        return info.name() + " " + info.version() + " (" + info.state().id() + ")";
    }

    private static String capitalize(String message) {
        return message.isEmpty() ? message : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1) + ".";
    }
}
