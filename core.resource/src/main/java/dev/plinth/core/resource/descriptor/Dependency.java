package dev.plinth.core.resource.descriptor;

import java.util.Objects;
import org.osgi.framework.VersionRange;

/**
 * Something a resource needs before it can start.
 *
 * @param kind what is needed: another resource, the server, the game, a client, a Bedrock pack
 * @param name the resource name ({@code core}), the pseudo-dependency ({@code @server}) or the pack's uuid
 * @param range the versions accepted
 */
public record Dependency(Kind kind, String name, VersionRange range) {

    /** Every version: what a dependency declared without a version accepts. */
    public static final VersionRange ANY = new VersionRange("0.0.0");

    /** What a dependency points at. */
    public enum Kind {
        /** Another resource, by name. */
        RESOURCE,
        /** The Plinth server ({@code @server}, meta.json's {@code minServerVersion}): the system resource {@code server}. */
        SERVER,
        /** The game the server runs ({@code @game}). */
        GAME,
        /** The client ({@code @client}, meta.json's {@code minClientVersion}): never checked on the server. */
        CLIENT,
        /** A Bedrock pack, by its header uuid. */
        PACK
    }

    /** Validates the components. */
    public Dependency {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
    }

    /**
     * A dependency on another resource.
     *
     * @param name the resource name
     * @param range the versions accepted
     * @return the dependency
     */
    public static Dependency on(String name, VersionRange range) {
        return new Dependency(Kind.RESOURCE, name, range);
    }

    /**
     * Whether the server checks this dependency (client requirements are the client's business).
     *
     * @return {@code false} for {@link Kind#CLIENT}
     */
    public boolean checkedOnServer() {
        return kind != Kind.CLIENT;
    }

    /**
     * The dependency as users read it: {@code core [1.0.0,2.0.0)}, {@code core >=1.0.0}, {@code core =1.2.0},
     * {@code core (any version)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name + " " + rangeText(range);
    }

    /**
     * A version range as users read it.
     *
     * @param range the range
     * @return {@code (any version)}, {@code >=1.0.0}, {@code =1.2.0} or the interval {@code [1.0.0,2.0.0)}
     */
    public static String rangeText(VersionRange range) {
        if (range.getRight() == null) {
            return range.equals(ANY) ? "(any version)"
                    : (range.getLeftType() == VersionRange.LEFT_CLOSED ? ">=" : ">") + range.getLeft();
        }
        if (range.getLeft().equals(range.getRight()) && !range.isEmpty()) {
            return "=" + range.getLeft();
        }
        return range.toString();
    }
}
