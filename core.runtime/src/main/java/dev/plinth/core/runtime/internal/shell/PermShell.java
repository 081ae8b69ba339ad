package dev.plinth.core.runtime.internal.shell;

import dev.plinth.core.runtime.permission.Permissions;
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
    public String op(String name) {
        return permissions.op(name) ? name + " is now an operator" : name + " already is an operator";
    }

    /**
     * {@code perm:deop NAME}.
     *
     * @param name the player
     * @return what changed
     */
    public String deop(String name) {
        return permissions.deop(name) ? name + " is no longer an operator" : name + " was not an operator";
    }

    /**
     * {@code perm:grant NAME NODE}.
     *
     * @param name the player
     * @param node the node
     * @return what changed
     */
    public String grant(String name, String node) {
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
    public String revoke(String name, String node) {
        return permissions.revoke(name, node) ? "revoked " + node + " from " + name
                : name + " does not hold " + node + " directly";
    }

    /**
     * {@code perm:list NAME}.
     *
     * @param name the player
     * @return the player's operator status, grants and groups
     */
    public String list(String name) {
        var out = new StringBuilder(name).append(permissions.isOp(name) ? ": operator (every node)" : ": not an operator");
        out.append(System.lineSeparator()).append("grants: ").append(permissions.grants(name));
        for (String group : permissions.groups(name)) {
            out.append(System.lineSeparator()).append("group ").append(group).append(": ")
                    .append(permissions.groupGrants(group));
        }
        return out.toString();
    }
}
