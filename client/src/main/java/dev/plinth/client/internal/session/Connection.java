package dev.plinth.client.internal.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.ClientEvent;
import dev.plinth.client.ClientException;
import dev.plinth.client.ClientOptions;
import dev.plinth.client.ClientResource;
import dev.plinth.client.PlinthClient;
import dev.plinth.client.TransferTotals;
import dev.plinth.client.internal.script.ClientLoop;
import dev.plinth.client.internal.script.ClientScripts;
import dev.plinth.client.internal.script.ClientSide;
import dev.plinth.client.internal.session.Resources.Entry;
import dev.plinth.client.internal.transfer.Downloads;
import dev.plinth.client.internal.transfer.FileCache;
import dev.plinth.client.internal.transfer.ProgressView;
import dev.plinth.client.internal.transfer.ServerApi;
import dev.plinth.client.internal.transfer.Transfer;
import dev.plinth.client.protocol.EventRate;
import dev.plinth.client.protocol.JoinResponse;
import dev.plinth.client.protocol.ModInfo;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.client.protocol.SocketMessage;
import dev.plinth.core.events.DetachedEventBus;
import dev.plinth.core.events.OwnedEventBus;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.script.ScriptEngine;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One connected client. Everything that changes its resources (the first load, {@code resource:sync},
 * {@code system.download_mod}, its end) and its scripts' timers run on its own thread ({@code plinth-client-NAME}),
 * in order: that thread is the client's loop; events reach its bus from that thread and from its downloads'.
 *
 * <p>Thread-safe.
 */
public final class Connection implements PlinthClient, ClientSide {

    private static final int MAX_EVENT_BYTES = 64 * 1024;

    private final ClientOptions options;
    private final HttpClient http;
    private final ObjectMapper json = Protocol.mapper();
    private final ServerApi api;
    private final FileCache cache;
    private final Downloads downloads;
    private final DetachedEventBus bus;
    private final OwnedEventBus clientView;
    private final OwnedEventBus serverView;
    private final EventLog events = new EventLog();
    private final Resources resources;
    private final ClientScripts scripts;
    private final ProgressView view;
    private final ScheduledExecutorService actor;
    private final Commands commands;
    private final AtomicLong downloadedFiles = new AtomicLong();
    private final AtomicLong downloadedBytes = new AtomicLong();
    private final AtomicLong cachedFiles = new AtomicLong();
    private final AtomicLong resumedFiles = new AtomicLong();
    private final EventRate sendRate = new EventRate(EventRate.DEFAULT_PER_SECOND, System::nanoTime);
    private volatile JoinResponse joined;
    private volatile ServerSocket socket;
    private volatile boolean closed;

    /**
     * Prepares a client; {@link #start()} connects it.
     *
     * @param options how it connects
     * @param http the HTTP client it uses
     * @param bus its own bus
     * @param engines the script engine of a file, by its name
     * @param logs the log of one of its resources, printing on its output
     * @throws ClientException when the cache folder cannot be created
     */
    public Connection(ClientOptions options, HttpClient http, DetachedEventBus bus,
            Function<String, Optional<ScriptEngine>> engines, Function<String, ScriptLog> logs) {
        this.options = options;
        this.http = http;
        this.api = new ServerApi(http, options.server(), json);
        try {
            this.cache = new FileCache(options.cache());
        } catch (IOException e) {
            throw new ClientException("the cache folder " + options.cache() + " cannot be created: " + e.getMessage(), e);
        }
        this.downloads = new Downloads(api, cache, options.maxBytesPerSecond());
        this.bus = bus;
        this.clientView = bus.open("client");
        this.serverView = bus.open("server");
        this.resources = new Resources(options.version(), options.output());
        this.actor = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("plinth-client-" + options.name()).daemon().unstarted(runnable));
        this.scripts = new ClientScripts(options.name(), bus, engines, logs, this, cache::read,
                new ClientLoop(actor));
        this.view = new ProgressView(options.output(), options.progressBar());
        this.commands = new Commands(this, json);
    }

    /**
     * Joins, opens the socket, downloads and loads, on the client's thread; returns when it is loaded.
     *
     * @return this client
     * @throws ClientException when any step fails (the client is closed then)
     */
    public Connection start() {
        try {
            onActor(this::join);
        } catch (ClientException e) {
            close();
            throw e;
        }
        return this;
    }

    private Void join() {
        out("joining " + options.server() + " as " + options.name());
        joined = api.join(options.name(), options.version());
        var login = joined.loginSuccess();
        out("joined " + login.serverName() + " (" + login.gameName() + " " + login.gameVersion() + "): "
                + login.mods().size() + " resource(s) for clients");
        login.mods().forEach(resources::list);
        socket = ServerSocket.open(http, api.socket(joined.session().socket()), token(), json,
                message -> actor.execute(() -> received(message)), reason -> actor.execute(() -> lost(reason)));
        fetchListings(resources.all());
        var chosen = new ArrayList<Entry>(resources.plainInDependencyOrder());
        List<Entry> mods = resources.bootstrapMods();
        chosen.addAll(mods);
        transfer(chosen.stream().map(e -> e.listing).toList());
        var loaded = new ArrayList<String>();
        for (Entry entry : chosen) {
            if (resources.load(entry, scripts, reason -> actor.execute(() -> fatal(entry, reason)))) {
                loaded.add(entry.info.modId());
                post("resource:started", Map.of("resourceName", entry.info.modId()));
            }
        }
        mods.stream().filter(m -> m.state.equals("loaded") && m.mod().map(x -> x.type().equals("bootstrap"))
                .orElse(false)).forEach(resources::bootstrap);
        out("loaded: " + (loaded.isEmpty() ? "nothing" : String.join(", ", loaded)));
        return null;
    }

    /**
     * The listings of these resources, all in one request ({@code GET /plinth/listings}); a resource the server no
     * longer lists is marked stopped (one that started since the join comes with its {@code resource:sync}).
     */
    private void fetchListings(List<Entry> entries) {
        var byName = new HashMap<String, PayloadListing>();
        for (PayloadListing listing : api.listings(token()).resources()) {
            byName.put(listing.name(), listing);
        }
        for (Entry entry : entries) {
            entry.listing = byName.get(entry.info.modId());
            if (entry.listing == null) {
                entry.state = "stopped";
            }
        }
    }

    private void transfer(List<PayloadListing> listings) {
        var transfer = new Transfer(options.name(), token(), downloads, cache, this::post,
                report -> send(report), view);
        Transfer.Result result = transfer.run(listings.stream().filter(l -> l != null).toList());
        downloadedFiles.addAndGet(result.downloadedFiles());
        downloadedBytes.addAndGet(result.downloadedBytes());
        cachedFiles.addAndGet(result.cachedFiles());
        resumedFiles.addAndGet(result.resumedFiles());
    }

    /** A message from the server, on the client's thread. */
    private void received(SocketMessage message) {
        switch (message) {
            case SocketMessage.Event event when event.name().equals("resource:sync") -> sync(event.payload());
            case SocketMessage.Event event -> {
                try {
                    serverView.post(event.name(), event.payload());
                    events.add(new ClientEvent(event.name(), event.payload(), "server", System.currentTimeMillis()));
                } catch (RuntimeException e) {
                    out("the server sent an event this client cannot post: " + event.name() + ": " + e.getMessage());
                }
            }
            case SocketMessage.Notice notice -> out("server: " + notice.message());
            default -> {
                // the server sends no readiness or transfer reports
            }
        }
    }

    /** MTADM's {@code resource:sync}: a resource started, restarted or stopped on the server. */
    private void sync(Map<String, Object> payload) {
        String name = String.valueOf(payload.get("resourceName"));
        boolean stopped = "stopped".equals(payload.get("state"));
        try {
            Optional<Entry> known = resources.get(name);
            if (stopped) {
                known.filter(e -> e.scripts != null || e.state.equals("loaded")).ifPresent(e -> {
                    if (resources.unload(e, "stopped")) {
                        send(new SocketMessage.Ready(name, false));
                    }
                    out(name + " stopped on the server: its client scripts stopped");
                    post("resource:stopped", Map.of("resourceName", name));
                });
                known.ifPresent(e -> e.state = "stopped");
            } else {
                Optional<PayloadListing> listing = api.listing(token(), name);
                if (listing.isEmpty()) {
                    return;
                }
                Entry entry = known.orElseGet(() -> {
                    PayloadListing l = listing.get();
                    resources.list(new ModInfo(name, l.mod() == null ? "resource" : l.mod().type(), "", "", 0,
                            l.size(), l.resourceType(), l.version(), "", l.hash()));
                    return resources.get(name).orElseThrow();
                });
                reload(entry, listing.get());
            }
        } finally {
            post("resource:sync", payload);
        }
    }

    /** Downloads what changed of a resource and runs its new scripts in place of the old ones. */
    private void reload(Entry entry, PayloadListing listing) {
        String name = entry.info.modId();
        boolean wasLoaded = entry.scripts != null || entry.state.equals("loaded");
        if (wasLoaded && entry.listing != null && entry.listing.hash().equals(listing.hash())) {
            return;
        }
        if (entry.isMod() && !wasLoaded) {
            entry.listing = listing; // a mod that did not load stays as it was: a bootstrap mod downloads it
            return;
        }
        transfer(List.of(listing));
        if (wasLoaded && resources.unload(entry, "stopped")) {
            send(new SocketMessage.Ready(name, false));
        }
        entry.listing = listing;
        if (resources.load(entry, scripts, reason -> actor.execute(() -> fatal(entry, reason)))) {
            if (entry.isMod() && listing.mod() != null && listing.mod().type().equals("bootstrap")) {
                resources.bootstrap(entry);
            }
            out((wasLoaded ? "reloaded " : "loaded ") + name + " " + listing.version());
            post(wasLoaded ? "resource:restart" : "resource:started", Map.of("resourceName", name));
        }
    }

    private void fatal(Entry entry, String reason) {
        if (resources.unload(entry, "error")) {
            send(new SocketMessage.Ready(entry.info.modId(), false));
        }
        entry.detail = reason;
        out("ERROR: " + entry.info.modId() + " stopped for breaking its limits: " + reason);
        post("resource:stopped", Map.of("resourceName", entry.info.modId(), "error", reason));
    }

    /** The session's socket closed: the server is gone or ended the session. */
    private void lost(String reason) {
        if (closed) {
            return;
        }
        out("disconnected: " + reason);
        for (Entry entry : resources.all()) {
            if (entry.scripts != null) {
                resources.unload(entry, "stopped");
            }
        }
        post("system:disconnected", Map.of("reason", reason));
    }

    /** A mod downloaded on a bootstrap mod's request, with the mods it requires. */
    private void fetchMod(Entry mod) {
        String id = mod.info.modId();
        try {
            if (mod.listing == null) {
                mod.listing = api.listing(token(), id).orElseThrow(() -> new ClientException(id
                        + ": the server no longer lists it"));
            }
            Optional<String> mismatch = resources.clientMismatch(mod);
            if (mismatch.isPresent()) {
                throw new ClientException(id + ": " + mismatch.get());
            }
            for (String requirement : mod.listing.mod() == null ? List.<String>of()
                    : List.copyOf(mod.listing.mod().requires().keySet())) {
                Optional<Entry> required = resources.get(requirement);
                if (!requirement.startsWith("@") && required.isPresent() && required.get().scripts == null) {
                    fetchMod(required.get());
                }
            }
            if (mod.scripts != null) {
                return;
            }
            transfer(List.of(mod.listing));
            if (!resources.load(mod, scripts, reason -> actor.execute(() -> fatal(mod, reason)))) {
                throw new ClientException(mod.detail);
            }
            out("loaded " + id + " " + mod.listing.version() + " (downloaded by a bootstrap mod)");
            post("system:mod_loaded", Map.of("id", id));
        } catch (ClientException e) {
            out("ERROR: " + e.getMessage());
            post("system:mod_failed", Map.of("id", id, "error", e.getMessage()));
        }
    }

    /**
     * Posts one of the client's own events on its bus, recording it.
     *
     * @param name the event
     * @param payload plain values
     */
    void post(String name, Map<String, ?> payload) {
        post(clientView, name, payload);
    }

    @Override
    public void post(OwnedEventBus owner, String name, Map<String, ?> payload) {
        owner.post(name, payload);
        events.add(new ClientEvent(name, Map.copyOf(payload), owner.owner(), System.currentTimeMillis()));
    }

    private boolean send(SocketMessage message) {
        ServerSocket open = socket;
        return open != null && open.send(message);
    }

    private <T> T onActor(Callable<T> work) {
        try {
            return actor.submit(work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ClientException c ? c
                    : new ClientException(e.getCause().getMessage() == null ? e.getCause().toString()
                            : e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted", e);
        }
    }

    private String token() {
        return joined.session().token();
    }

    private void out(String line) {
        options.output().accept(line);
    }

    // --- ClientSide: what the client's scripts reach ---

    @Override
    public String player() {
        return options.name();
    }

    @Override
    public List<String> resourceNames() {
        return resources.all().stream().map(e -> e.info.modId()).toList();
    }

    @Override
    public Optional<Map<String, Object>> resourceInfo(String name) {
        return resources.get(name).map(e -> {
            var info = new LinkedHashMap<String, Object>();
            PayloadListing l = e.listing;
            info.put("name", name);
            info.put("resourceType", e.info.resourceType());
            info.put("author", l == null ? "" : l.author());
            info.put("version", l == null ? e.info.version() : l.version());
            info.put("description", l == null ? "" : l.description());
            info.put("state", e.state.equals("loaded") ? "started" : e.state.equals("listed") ? "unknown" : e.state);
            info.put("dependencies", l == null ? List.of() : l.dependencies());
            info.put("files", l == null ? List.of() : l.files().stream().map(PayloadListing.Entry::path).toList());
            return info;
        });
    }

    @Override
    public boolean markReady(String name, boolean ready) {
        Optional<Entry> entry = resources.get(name).filter(Entry::running);
        if (entry.isEmpty()) {
            return false;
        }
        if (entry.get().ready != ready) {
            entry.get().ready = ready;
            send(new SocketMessage.Ready(name, ready));
        }
        return true;
    }

    @Override
    public Optional<Boolean> readiness(String name) {
        return resources.get(name).filter(Entry::running).map(e -> e.ready);
    }

    @Override
    public Optional<String> emitToServer(String name, Map<String, ?> payload) {
        ServerSocket open = socket;
        if (open == null || !open.isOpen()) {
            return Optional.of("not_connected");
        }
        var event = new SocketMessage.Event(name, Map.copyOf(payload));
        try {
            if (json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
                return Optional.of("too_large");
            }
        } catch (JsonProcessingException e) {
            return Optional.of("too_large");
        }
        if (!sendRate.take()) {
            return Optional.of("rate_limited");
        }
        return open.send(event) ? Optional.empty() : Optional.of("not_connected");
    }

    @Override
    public List<Map<String, Object>> mods() {
        var mods = new ArrayList<Map<String, Object>>();
        for (Entry e : resources.all()) {
            if (!e.isMod()) {
                continue;
            }
            var mod = new LinkedHashMap<String, Object>();
            Optional<PayloadListing.Mod> side = e.mod();
            mod.put("id", e.info.modId());
            mod.put("version", e.listing == null ? e.info.version() : e.listing.version());
            mod.put("name", side.map(PayloadListing.Mod::name).orElse(e.info.modId()));
            mod.put("description", e.listing == null ? "" : e.listing.description());
            mod.put("mod_type", e.info.modType());
            mod.put("priority", side.map(PayloadListing.Mod::priority).orElse(0));
            mod.put("bootstrapped", e.bootstrapped);
            mod.put("loaded", e.scripts != null);
            mod.put("exists", e.listing != null && available(e.listing));
            mod.put("download_url", e.info.downloadUrl());
            mods.add(mod);
        }
        return mods;
    }

    private boolean available(PayloadListing listing) {
        try {
            for (PayloadListing.Entry file : listing.files()) {
                if (!cache.has(file.hash(), file.size())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Optional<String> downloadMod(String id) {
        Optional<Entry> mod = resources.get(id).filter(Entry::isMod);
        if (mod.isEmpty()) {
            return Optional.of("ERR_NOT_FOUND");
        }
        actor.execute(() -> fetchMod(mod.get()));
        return Optional.empty();
    }

    // --- PlinthClient ---

    @Override
    public List<ClientResource> resources() {
        return resources.snapshot();
    }

    @Override
    public boolean isReady(String resource) {
        return resources.get(resource).map(e -> e.ready).orElse(false);
    }

    @Override
    public List<ClientEvent> events() {
        return events.all();
    }

    @Override
    public Optional<ClientEvent> awaitEvent(Predicate<ClientEvent> matches, Duration timeout) {
        return events.await(matches, 0, timeout);
    }

    /**
     * Waits for an event posted after a point.
     *
     * @param matches which event
     * @param after how many events had been posted at that point
     * @param timeout how long to wait
     * @return the event, empty after the timeout
     */
    Optional<ClientEvent> awaitEventAfter(Predicate<ClientEvent> matches, long after, Duration timeout) {
        return events.await(matches, after, timeout);
    }

    /** {@return how many events were posted so far} */
    long eventCount() {
        return events.count();
    }

    @Override
    public TransferTotals transfers() {
        return new TransferTotals(downloadedFiles.get(), downloadedBytes.get(), cachedFiles.get(), resumedFiles.get());
    }

    @Override
    public String execute(String command) {
        return commands.execute(command);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            actor.submit(() -> {
                for (Entry entry : resources.all()) {
                    if (entry.scripts != null) {
                        resources.unload(entry, "stopped");
                    }
                }
            }).get();
        } catch (ExecutionException | InterruptedException e) {
            // closing anyway
        }
        ServerSocket open = socket;
        if (open != null) {
            open.close();
        }
        if (joined != null) {
            api.leave(token());
        }
        actor.shutdownNow();
        bus.close();
        cache.clearMemory();
    }
}
