package dev.plinth.core.runtime.internal.shell;

import dev.plinth.core.runtime.permission.Permissions;
import dev.plinth.shell.CommandUsage;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell scope {@code perm}: operators and grants, saved at once and effective at once.
 */
@Component(service = PermShell.class, property = {
    "osgi.command.scope=perm",
    "osgi.command.function=op", "osgi.command.function=deop", "osgi.command.function=grant",
    "osgi.command.function=revoke", "osgi.command.function=list"})
public final class PermShell {

    private static final String SCOPE = "perm";

    private final Permissions permissions;

    /**
     * Creates the commands.
     *
     * @param permissions the permission store
     */
    @Activate
    public PermShell(@Reference Permissions permissions) {
        this.permissions = permissions;
    }

    /**
     * {@code perm:op NAME}.
     *
     * @param name the player
     * @return what changed
     */
    @Descriptor("make a player an operator (every permission); saved and effective at once")
    public String op(@Descriptor("the player's name") String name) {
        return permissions.op(name) ? name + " is now an operator" : name + " already is an operator";
    }

    /**
     * {@code perm:deop NAME}.
     *
     * @param name the player
     * @return what changed
     */
    @Descriptor("take a player's operator status back")
    public String deop(@Descriptor("the player's name") String name) {
        return permissions.deop(name) ? name + " is no longer an operator" : name + " was not an operator";
    }

    /**
     * {@code perm:grant NAME NODE}.
     *
     * @param name the player
     * @param node the node
     * @return what changed
     */
    @Descriptor("grant a player a permission node")
    public String grant(@Descriptor("the player's name") String name,
            @Descriptor("the node: hello.command.announce, hello.*, *") String node) {
        try {
            return permissions.grant(name, node) ? "granted " + node + " to " + name : name + " already holds " + node;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ERR_INVALID_NAME: " + e.getMessage(), e);
        }
    }

    /**
     * {@code perm:revoke NAME NODE}.
     *
     * @param name the player
     * @param node the node
     * @return what changed
     */
    @Descriptor("revoke a node granted to a player")
    public String revoke(@Descriptor("the player's name") String name,
            @Descriptor("the node as it was granted") String node) {
        return permissions.revoke(name, node) ? "revoked " + node + " from " + name
                : name + " does not hold " + node + " directly";
    }

    /**
     * {@code perm:list NAME}.
     *
     * @param name the player
     * @return the player's operator status, grants and groups
     */
    @Descriptor("a player's operator status, own grants, groups and their grants")
    public String list(@Descriptor("the player's name") String name) {
        var out = new StringBuilder(name).append(permissions.isOp(name) ? ": operator (every node)" : ": not an operator");
        out.append(System.lineSeparator()).append("grants: ").append(permissions.grants(name));
        for (String group : permissions.groups(name)) {
            out.append(System.lineSeparator()).append("group ").append(group).append(": ")
                    .append(permissions.groupGrants(group));
        }
        return out.toString();
    }

    /** Missing or wrong arguments: the usage. */
    public Object op(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "op");
    }

    /** Missing or wrong arguments: the usage. */
    public Object deop(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "deop");
    }

    /** Missing or wrong arguments: the usage. */
    public Object grant(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "grant");
    }

    /** Missing or wrong arguments: the usage. */
    public Object revoke(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "revoke");
    }

    /** Missing or wrong arguments: the usage. */
    public Object list(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "list");
    }
}
