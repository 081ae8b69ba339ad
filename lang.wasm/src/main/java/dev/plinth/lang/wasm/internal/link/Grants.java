package dev.plinth.lang.wasm.internal.link;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The permission groups a plugin is granted, from its manifest's {@code [permissions]}: {@code player},
 * {@code world}, {@code commands} and {@code scheduler} gate host functions; {@code network} and
 * {@code filesystem} have nothing to grant (plugins get no network and no file system) and stay off whatever the
 * manifest says. A manifest without {@code [permissions]} grants the four groups, as the released MC-RS, which has no
 * such section, does.
 *
 * @param granted the groups granted
 * @param declared whether the manifest had a {@code [permissions]} section, for messages
 */
public record Grants(Set<String> granted, boolean declared) {

    /** The groups that gate host functions. */
    public static final List<String> GROUPS = List.of("player", "world", "commands", "scheduler");
    /** The groups that exist but grant nothing. */
    public static final List<String> NEVER_GRANTED = List.of("network", "filesystem");

    /** Validates and copies the components. */
    public Grants {
        granted = Set.copyOf(Objects.requireNonNull(granted, "granted"));
    }

    /**
     * Reads a manifest's permissions.
     *
     * @param permissions the {@code [permissions]} table (group to boolean), empty when the manifest has none
     * @return the grants
     */
    public static Grants of(Map<String, Boolean> permissions) {
        if (permissions.isEmpty()) {
            return new Grants(Set.copyOf(GROUPS), false);
        }
        var granted = new LinkedHashSet<String>();
        permissions.forEach((group, value) -> {
            if (value && GROUPS.contains(group)) {
                granted.add(group);
            }
        });
        return new Grants(granted, true);
    }

    /**
     * Whether a group is granted.
     *
     * @param group the group
     * @return {@code true} when the plugin may use it
     */
    public boolean allows(String group) {
        return granted.contains(group);
    }
}
