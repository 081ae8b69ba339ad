package dev.plinth.core.runtime.internal.permission;

import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.internal.config.ConfigFiles;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.settings.ServerConfig;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.permission.Permissions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Operators and grants, saved in {@code data/server/permissions.json} after every change, and the groups of
 * {@code conf/server.json}. A saved file that cannot be read (empty, malformed, half-written) is reported with its
 * line and never overwritten: the store stays up without what the file holds, and every change is refused with the
 * file's problem until the file is fixed (it is read again at each change) or removed.
 *
 * <p>Thread-safe: one lock around the state, held only for lookups and copies.
 */
@Component(immediate = true, service = Permissions.class)
public final class PermissionStore implements Permissions {

    /** The group every player is in. */
    public static final String DEFAULT_GROUP = "default";

    private final Optional<Path> file;
    private final ConfigFiles files;
    private final Map<String, Set<String>> groupGrants = new TreeMap<>();
    private final Map<String, List<String>> memberships = new HashMap<>();
    private final Set<String> ops = new TreeSet<>();
    private final Map<String, Set<String>> grants = new TreeMap<>();
    private @Nullable ConfigException unreadable;

    /**
     * Loads the groups and the saved operators and grants.
     *
     * @param settings the groups and the instance home
     * @param files the JSON reader and writer
     * @param logger where a malformed group or file is reported
     */
    @Activate
    public PermissionStore(@Reference ServerSettings settings, @Reference ConfigFiles files,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.files = files;
        this.file = settings.dataFolder(Owner.SERVER).map(folder -> folder.resolve("permissions.json"));
        loadGroups(settings.config().permissions(), logger);
        try {
            load();
        } catch (ConfigException e) {
            unreadable = e;
            logger.error("{}; the operators and grants saved there are not in effect, and no change is saved until "
                    + "the file is fixed or removed (it is never overwritten)", e.getMessage());
        }
    }

    /** Reads the saved file, when there is one. */
    private void load() {
        file.flatMap(f -> files.read(f, PermissionData.class, false)).ifPresent(this::loadData);
    }

    /**
     * A change may be saved: the saved file was read, or reads now. Called with the lock held.
     *
     * @throws ConfigException the file's problem, when it still cannot be read
     */
    private void checkWritable() {
        if (unreadable == null) {
            return;
        }
        try {
            load();
            unreadable = null;
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + "; fix or remove the file: the change is not saved", e);
        }
    }

    private void loadGroups(ServerConfig.Permissions config, Logger logger) {
        config.groups().forEach((group, nodes) -> {
            var valid = new TreeSet<String>();
            for (String grant : nodes) {
                if (GRANT.matcher(grant).matches()) {
                    valid.add(grant);
                } else {
                    logger.error("conf/server.json: permissions.groups.{}: '{}' is not a permission node; ignored",
                            group, grant);
                }
            }
            groupGrants.put(group, valid);
        });
        config.members().forEach((group, players) -> {
            if (!groupGrants.containsKey(group)) {
                logger.warn("conf/server.json: permissions.members.{}: no such group in permissions.groups", group);
            }
            for (String player : players) {
                memberships.computeIfAbsent(key(player), p -> new ArrayList<>()).add(group);
            }
        });
    }

    private void loadData(PermissionData data) {
        data.ops().forEach(op -> ops.add(key(op)));
        data.grants().forEach((player, list) -> grants.put(key(player), new TreeSet<>(list)));
    }

    @Override
    public boolean has(String player, String node) {
        if (!NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("'" + node + "' is not a permission node; write plugin.category.action");
        }
        String key = key(player);
        synchronized (this) {
            if (ops.contains(key) || covers(grants.getOrDefault(key, Set.of()), node)) {
                return true;
            }
            for (String group : groupsOf(key)) {
                if (covers(groupGrants.getOrDefault(group, Set.of()), node)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean covers(Set<String> held, String node) {
        if (held.contains(node) || held.contains("*")) {
            return true;
        }
        for (int dot = node.lastIndexOf('.'); dot > 0; dot = node.lastIndexOf('.', dot - 1)) {
            if (held.contains(node.substring(0, dot) + ".*")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean isOp(String player) {
        return ops.contains(key(player));
    }

    @Override
    public synchronized boolean op(String player) {
        checkWritable();
        return ops.add(key(player)) && save();
    }

    @Override
    public synchronized boolean deop(String player) {
        checkWritable();
        return ops.remove(key(player)) && save();
    }

    @Override
    public synchronized boolean grant(String player, String grant) {
        if (!GRANT.matcher(grant).matches()) {
            throw new IllegalArgumentException("'" + grant
                    + "' is not a permission node; write plugin.category.action, plugin.* or *");
        }
        checkWritable();
        return grants.computeIfAbsent(key(player), p -> new TreeSet<>()).add(grant) && save();
    }

    @Override
    public synchronized boolean revoke(String player, String grant) {
        checkWritable();
        Set<String> held = grants.get(key(player));
        if (held == null || !held.remove(grant)) {
            return false;
        }
        if (held.isEmpty()) {
            grants.remove(key(player));
        }
        return save();
    }

    @Override
    public synchronized Set<String> grants(String player) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(grants.getOrDefault(key(player), Set.of())));
    }

    @Override
    public synchronized List<String> groups(String player) {
        return groupsOf(key(player));
    }

    @Override
    public synchronized Set<String> groupGrants(String group) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(groupGrants.getOrDefault(group, Set.of())));
    }

    private List<String> groupsOf(String key) {
        var groups = new TreeSet<String>(memberships.getOrDefault(key, List.of()));
        groups.add(DEFAULT_GROUP);
        return List.copyOf(groups);
    }

    /** Saves the state; called with the lock held, so saves happen in the order of the changes. */
    private boolean save() {
        file.ifPresent(f -> {
            var byPlayer = new TreeMap<String, List<String>>();
            grants.forEach((player, held) -> byPlayer.put(player, List.copyOf(held)));
            files.write(f, new PermissionData(List.copyOf(ops), byPlayer));
        });
        return true;
    }

    private static String key(String player) {
        return player.toLowerCase(Locale.ROOT);
    }
}
