package dev.plinth.client.internal.session;

import dev.plinth.client.ClientResource;
import dev.plinth.client.internal.script.ClientScripts;
import dev.plinth.client.internal.script.ClientScripts.LoadFailure;
import dev.plinth.client.internal.script.LoadedScripts;
import dev.plinth.client.protocol.ModInfo;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.core.sandbox.script.ScriptImport;
import dev.plinth.core.sandbox.script.ScriptImports;
import dev.plinth.core.sandbox.script.ScriptRunException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The resources a server listed, as one client has them: listed, loaded (scripts running), stopped, in error. Loading
 * follows the resources' dependencies among themselves; Staminal's mods follow their client flow: at first only the
 * bootstrap mods and the mods they require (recursively; a cycle is refused), sorted by priority, get their entry run
 * and {@code onAttach}, then the bootstrap mods' {@code onBootstrap}; a mod whose {@code @client} requirement this
 * client's version misses is not loaded; the others stay listed until a bootstrap mod downloads one. A resource's
 * {@code @id} imports reach what it requires ({@link #imports}).
 *
 * <p>Thread-safe for readers; loading and unloading run on the client's own thread.
 */
final class Resources {

    /** One listed resource. */
    static final class Entry {
        /** Whether its scripts run (or are being run): it may be marked ready. */
        boolean running() {
            return state.equals("loading") || state.equals("loaded");
        }

        final ModInfo info;
        volatile PayloadListing listing;
        volatile String state = "listed";
        volatile String detail = "";
        volatile boolean ready;
        volatile boolean bootstrapped;
        volatile LoadedScripts scripts;

        Entry(ModInfo info) {
            this.info = info;
        }

        boolean isMod() {
            return !info.modType().equals("resource");
        }

        Optional<PayloadListing.Mod> mod() {
            return Optional.ofNullable(listing).map(PayloadListing::mod);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final String clientVersion;
    private final Consumer<String> out;

    Resources(String clientVersion, Consumer<String> out) {
        this.clientVersion = clientVersion;
        this.out = out;
    }

    void list(ModInfo info) {
        entries.putIfAbsent(info.modId(), new Entry(info));
    }

    Optional<Entry> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    List<Entry> all() {
        return entries.values().stream().sorted(Comparator.comparing(e -> e.info.modId())).toList();
    }

    /** The resources that are not mods, dependencies first. */
    List<Entry> plainInDependencyOrder() {
        var ordered = new ArrayList<Entry>();
        var visited = new HashSet<String>();
        all().stream().filter(e -> !e.isMod()).forEach(e -> visit(e, ordered, visited, new HashSet<>()));
        return ordered;
    }

    private void visit(Entry entry, List<Entry> ordered, Set<String> visited, Set<String> path) {
        if (visited.contains(entry.info.modId()) || !path.add(entry.info.modId())) {
            return;
        }
        if (entry.listing != null) {
            for (String dependency : entry.listing.dependencies()) {
                Entry needed = entries.get(dependency);
                if (needed != null && !needed.isMod()) {
                    visit(needed, ordered, visited, path);
                }
            }
        }
        visited.add(entry.info.modId());
        ordered.add(entry);
    }

    /**
     * The mods to load at first: the bootstrap mods whose requirements this client meets, with the mods they
     * require, recursively, sorted by priority; the others are told why they stay out.
     */
    List<Entry> bootstrapMods() {
        var chosen = new LinkedHashMap<String, Entry>();
        for (Entry mod : all()) {
            if (mod.isMod() && mod.mod().map(m -> m.type().equals("bootstrap")).orElse(false)) {
                collect(mod, chosen, new ArrayList<>());
            }
        }
        return chosen.values().stream()
                .sorted(Comparator.comparingInt((Entry e) -> e.mod().map(PayloadListing.Mod::priority).orElse(0))
                        .thenComparing(e -> e.info.modId()))
                .toList();
    }

    private boolean collect(Entry mod, Map<String, Entry> chosen, List<String> path) {
        String id = mod.info.modId();
        if (chosen.containsKey(id)) {
            return true;
        }
        if (path.contains(id)) {
            refuse(mod, "its requirements form a cycle: " + String.join(" -> ", path) + " -> " + id);
            return false;
        }
        Optional<String> incompatible = clientMismatch(mod);
        if (incompatible.isPresent()) {
            refuse(mod, incompatible.get());
            return false;
        }
        path.add(id);
        for (var requirement : mod.mod().map(PayloadListing.Mod::requires).orElse(Map.of()).keySet()) {
            if (requirement.startsWith("@")) {
                continue;
            }
            Entry required = entries.get(requirement);
            if (required == null || !required.isMod()) {
                refuse(mod, "it requires " + requirement + ", which the server does not list");
                path.removeLast();
                return false;
            }
            if (!collect(required, chosen, path)) {
                refuse(mod, "it requires " + requirement + ", which cannot load");
                path.removeLast();
                return false;
            }
        }
        path.removeLast();
        chosen.put(id, mod);
        return true;
    }

    /** Staminal's {@code @client} requirement against this client's version. */
    Optional<String> clientMismatch(Entry mod) {
        String wanted = mod.mod().map(m -> m.requires().get("@client")).orElse(null);
        if (wanted == null) {
            return Optional.empty();
        }
        VersionRange range;
        try {
            String[] bounds = wanted.split(",", -1);
            range = bounds.length == 1 ? new VersionRange(VersionRange.LEFT_CLOSED, Version.valueOf(bounds[0].strip()),
                    Version.valueOf(bounds[0].strip()), VersionRange.RIGHT_CLOSED)
                    : bounds[1].isBlank() ? new VersionRange(bounds[0].strip())
                    : new VersionRange(VersionRange.LEFT_CLOSED, Version.valueOf(bounds[0].strip()),
                            Version.valueOf(bounds[1].strip()), VersionRange.RIGHT_CLOSED);
        } catch (IllegalArgumentException e) {
            return Optional.of("its @client requirement '" + wanted + "' is not a version or range");
        }
        return range.includes(Version.valueOf(clientVersion)) ? Optional.empty()
                : Optional.of("it needs @client " + (range.getRight() == null ? ">= " + range.getLeft()
                        : range.getLeft().equals(range.getRight()) ? range.getLeft().toString()
                        : range.getLeft() + " to " + range.getRight()) + ", this client is " + clientVersion);
    }

    private void refuse(Entry mod, String why) {
        if (!"error".equals(mod.state)) {
            mod.state = "error";
            mod.detail = why;
            out.accept(mod.info.modId() + " not loaded: " + why);
        }
    }

    /**
     * Runs a resource's scripts (a mod's entry, then its {@code onAttach}).
     *
     * @param entry the resource, its listing fetched and its files here
     * @param scripts the loader
     * @param onFatal told when its runtime breaks its limits for good
     * @return whether it loaded
     */
    boolean load(Entry entry, ClientScripts scripts, Consumer<String> onFatal) {
        PayloadListing listing = entry.listing;
        List<String> run = entry.isMod() ? entry.mod().flatMap(m -> Optional.ofNullable(m.entry())).stream().toList()
                : listing.scripts();
        entry.state = "loading"; // its scripts may mark it ready while they run
        try {
            entry.scripts = scripts.load(listing, run, imports(entry, scripts::importable), onFatal);
            if (entry.isMod()) {
                entry.scripts.call("onAttach");
            }
        } catch (LoadFailure | ScriptRunException e) {
            if (entry.scripts != null) {
                entry.scripts.close();
                entry.scripts = null;
            }
            entry.state = "error";
            entry.detail = e.getMessage();
            out.accept("ERROR: " + e.getMessage());
            return false;
        }
        entry.state = "loaded";
        entry.detail = run.isEmpty() ? "assets only" : run.size() + " script(s)";
        return true;
    }

    /**
     * What a resource's {@code @id} imports reach: the mods it requires and the resources it depends on, read by hash
     * from the client's cache beside their entry (a mod's {@code entry_point}, a resource's first client script);
     * anything else is refused with a sentence naming the import.
     *
     * @param importer the importing resource
     * @param files the other resource's files from its listing, beside an entry
     * @return the imports
     */
    ScriptImports imports(Entry importer, BiFunction<PayloadListing, String, ScriptImport> files) {
        String name = importer.info.modId();
        return id -> {
            boolean declared = importer.mod().map(m -> m.requires().containsKey(id)).orElse(false)
                    || importer.listing.dependencies().contains(id);
            if (!declared) {
                return ScriptImport.Refused.undeclared(id, name);
            }
            Entry other = entries.get(id);
            PayloadListing listing = other == null ? null : other.listing;
            if (listing == null) {
                return new ScriptImport.Refused("import '@" + id + "' in '" + name + "': the server lists no '" + id
                        + "'");
            }
            Optional<String> entry = Optional.ofNullable(listing.mod()).map(PayloadListing.Mod::entry)
                    .or(() -> listing.scripts().stream().findFirst());
            return entry.map(path -> files.apply(listing, path))
                    .orElseGet(() -> new ScriptImport.Refused("import '@" + id + "' in '" + name + "': '" + id
                            + "' has no client entry to import"));
        };
    }

    /**
     * Calls a bootstrap mod's {@code onBootstrap}.
     *
     * @param entry the mod, loaded
     */
    void bootstrap(Entry entry) {
        try {
            entry.scripts.call("onBootstrap");
            entry.bootstrapped = true;
        } catch (ScriptRunException e) {
            entry.detail = "onBootstrap failed: " + e.getMessage();
            out.accept("ERROR: " + e.getMessage());
        }
    }

    /**
     * Stops a resource's scripts: its handlers go, its readiness is cleared.
     *
     * @param entry the resource
     * @param state its state afterwards ({@code stopped}, {@code error})
     * @return whether it was ready
     */
    boolean unload(Entry entry, String state) {
        LoadedScripts loaded = entry.scripts;
        entry.scripts = null;
        if (loaded != null) {
            loaded.close();
        }
        boolean wasReady = entry.ready;
        entry.ready = false;
        entry.bootstrapped = false;
        entry.state = state;
        return wasReady;
    }

    /** {@return every resource as the API shows it} */
    List<ClientResource> snapshot() {
        return all().stream().map(e -> new ClientResource(e.info.modId(), e.info.resourceType(),
                e.listing == null ? e.info.version() : e.listing.version(), e.state, e.ready, e.detail)).toList();
    }
}
