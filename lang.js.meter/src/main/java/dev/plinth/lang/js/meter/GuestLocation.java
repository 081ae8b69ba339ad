package dev.plinth.lang.js.meter;

import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a context's code was running when {@link ContextLocator#locate} asked: a line of a resource's own source
 * (a non-internal one), never of GraalJS's built-ins.
 *
 * @param path the source's path ({@code /own/main.js}), {@code null} when it has none
 * @param name the source's name
 * @param line the line, from 1
 */
public record GuestLocation(@Nullable String path, String name, int line) {

    /** Validates the components. */
    public GuestLocation {
        Objects.requireNonNull(name, "name");
    }

    /** {@return where a node is, or {@code null} when it is in no available, non-internal source} */
    static @Nullable GuestLocation of(@Nullable Node node) {
        SourceSection section = node == null ? null : node.getEncapsulatingSourceSection();
        if (section == null || !section.isAvailable() || section.getSource().isInternal()) {
            return null;
        }
        return new GuestLocation(section.getSource().getPath(), section.getSource().getName(),
                section.getStartLine());
    }
}
