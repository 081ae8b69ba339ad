package dev.plinth.core.sandbox.permission;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one resource's manifest grants. Immutable.
 *
 * @param resource the resource
 * @param granted the permissions granted
 */
public record Grants(String resource, Set<Permission> granted) {

    /** What a manifest without a {@code [permissions]} section grants: the groups the released MC-RS scripts use. */
    public static final Set<Permission> DEFAULT =
            Set.copyOf(EnumSet.of(Permission.PLAYER, Permission.WORLD, Permission.COMMANDS, Permission.SCHEDULER));

    /** Validates and copies the components. */
    public Grants {
        Objects.requireNonNull(resource, "resource");
        granted = granted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(granted));
    }

    /**
     * Reads a manifest's {@code [permissions]} section.
     *
     * @param resource the resource
     * @param manifest the manifest file, for messages ({@code plugin.toml})
     * @param section the section's keys and values; empty when the manifest has no section (then
     *     {@link #DEFAULT} is granted), else exactly the keys set to {@code true} are granted
     * @return the grants
     * @throws PermissionDeniedException when the section names a key that is no permission, naming the resource,
     *     the file and the key
     */
    public static Grants of(String resource, String manifest, Optional<Map<String, Boolean>> section) {
        if (section.isEmpty()) {
            return new Grants(resource, DEFAULT);
        }
        var granted = EnumSet.noneOf(Permission.class);
        for (var entry : section.get().entrySet()) {
            Permission permission = Permission.byId(entry.getKey()).orElseThrow(() -> new PermissionDeniedException(
                    resource, resource + ": " + manifest + ", field 'permissions." + entry.getKey()
                            + "': no such permission; the permissions are " + Permission.ids()));
            if (entry.getValue()) {
                granted.add(permission);
            }
        }
        return new Grants(resource, granted);
    }

    /**
     * Whether a permission is granted.
     *
     * @param permission the permission
     * @return {@code true} when granted
     */
    public boolean allows(Permission permission) {
        return granted.contains(permission);
    }

    /**
     * Refuses a call of the API when its group is not granted.
     *
     * @param permission the group the call belongs to
     * @param api the call, as the script wrote it ({@code mc.get_world})
     * @throws PermissionDeniedException when not granted: {@code ERR_PERMISSION_DENIED: welcome: mc.get_world needs
     *     the permission 'world', which plugin.toml does not grant}
     */
    public void check(Permission permission, String api) {
        if (!granted.contains(permission)) {
            throw new PermissionDeniedException(resource, "ERR_PERMISSION_DENIED: " + resource + ": " + api
                    + " needs the permission '" + permission.id() + "', which its manifest does not grant ([permissions] "
                    + permission.id() + " = true)");
        }
    }
}
