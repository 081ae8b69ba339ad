package dev.plinth.core.runtime.permission;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may do what. A permission is a node {@code plugin.category.action}; a grant may end in {@code .*} to cover
 * every node below it, or be {@code *} for everything. Operators hold every node. A player holds the nodes granted
 * to them, to the groups they belong to (server setting {@code permissions.groups}) and to the group
 * {@code default}; anything else is denied.
 *
 * <p>Players are named case-insensitively and need not be online. Changes are saved at once (in
 * {@code data/server/permissions.json}) and take effect at once. Every method is thread-safe.
 */
@ProviderType
public interface Permissions {

    /** What a node looks like: dot-separated lower-case words. */
    Pattern NODE = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    /** What a grant looks like: a node, a node followed by {@code .*}, or {@code *}. */
    Pattern GRANT = Pattern.compile("\\*|[a-z0-9_-]+(\\.[a-z0-9_-]+)*(\\.\\*)?");

    /**
     * Whether a player holds a node.
     *
     * @param player the player's name
     * @param node the node, for example {@code hello.command.greet}
     * @return {@code true} when granted
     * @throws IllegalArgumentException when the node is malformed
     */
    boolean has(String player, String node);

    /**
     * Whether a player is an operator.
     *
     * @param player the player's name
     * @return {@code true} for an operator
     */
    boolean isOp(String player);

    /**
     * Makes a player an operator.
     *
     * @param player the player's name
     * @return {@code true} when they were not one
     */
    boolean op(String player);

    /**
     * Takes operator rights away.
     *
     * @param player the player's name
     * @return {@code true} when they were one
     */
    boolean deop(String player);

    /**
     * Grants a node (or a wildcard) to a player.
     *
     * @param player the player's name
     * @param grant a node, {@code node.*} or {@code *}
     * @return {@code true} when they did not hold this grant
     * @throws IllegalArgumentException when the grant is malformed
     */
    boolean grant(String player, String grant);

    /**
     * Takes a grant back from a player (not from their groups).
     *
     * @param player the player's name
     * @param grant the grant as it was given
     * @return {@code true} when they held it
     */
    boolean revoke(String player, String grant);

    /**
     * The grants given to a player directly.
     *
     * @param player the player's name
     * @return sorted
     */
    Set<String> grants(String player);

    /**
     * The groups a player belongs to, {@code default} included.
     *
     * @param player the player's name
     * @return sorted
     */
    List<String> groups(String player);

    /**
     * The grants of a group.
     *
     * @param group the group's name
     * @return sorted; empty for an unknown group
     */
    Set<String> groupGrants(String group);
}
