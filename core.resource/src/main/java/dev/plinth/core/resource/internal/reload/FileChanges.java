package dev.plinth.core.resource.internal.reload;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The files that differ between two snapshots of a resource (added, removed or written). */
public final class FileChanges {

    private FileChanges() {}

    /**
     * The paths whose stamp differs, or that only one side has.
     *
     * @param before path to stamp, as built
     * @param after path to stamp, now
     * @return the paths, sorted
     */
    public static List<String> between(Map<String, String> before, Map<String, String> after) {
        var changed = new TreeSet<String>();
        before.forEach((path, stamp) -> {
            if (!Objects.equals(stamp, after.get(path))) {
                changed.add(path);
            }
        });
        after.keySet().stream().filter(path -> !before.containsKey(path)).forEach(changed::add);
        return List.copyOf(changed);
    }
}
