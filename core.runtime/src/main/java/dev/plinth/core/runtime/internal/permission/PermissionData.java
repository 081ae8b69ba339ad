package dev.plinth.core.runtime.internal.permission;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code data/server/permissions.json} holds: the operators and each player's own grants (groups come from
 * {@code conf/server.json}).
 *
 * @param ops the operators' names, lower case
 * @param grants player name (lower case) → the grants given to them
 */
record PermissionData(List<String> ops, Map<String, List<String>> grants) {

    static final PermissionData EMPTY = new PermissionData(List.of(), Map.of());

    PermissionData {
        ops = List.copyOf(Objects.requireNonNullElse(ops, List.of()));
        grants = Map.copyOf(Objects.requireNonNullElse(grants, Map.of()));
    }
}
