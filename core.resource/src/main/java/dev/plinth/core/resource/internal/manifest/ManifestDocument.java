package dev.plinth.core.resource.internal.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ManifestException;
import java.util.Map;

/**
 * A parsed manifest: its tree, the line of every field, and the resource and file it belongs to, so that every
 * refusal names the resource, the file, the line and the field.
 *
 * @param resource the resource the manifest describes (its folder name until the manifest names it)
 * @param file the manifest, relative to the resource root
 * @param root the parsed tree
 * @param lines the 1-based line of each field, by path ({@code plugin.name}, {@code scripts[1].path})
 */
record ManifestDocument(String resource, String file, JsonNode root, Map<String, Integer> lines) {

    ManifestDocument {
        lines = Map.copyOf(lines);
    }

    /** The root of the tree, to read fields from. */
    ManifestNode top() {
        return new ManifestNode(this, "", root);
    }

    /** The line of a field, or of the nearest enclosing field whose line is known; 0 when none is. */
    int lineOf(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    /** A refusal of a field of this manifest. */
    ManifestException error(ResourceErrorCode code, String path, String cause) {
        return new ManifestException(code, resource, file, lineOf(path), path, cause);
    }

    /**
     * A warning about a field that is read no further (a key Plinth does not know), in the shape of a refusal without
     * its code: {@code chat-demo: plugin.toml line 4, field 'plugin.depends': ...}.
     */
    String warning(String path, String cause) {
        int line = lineOf(path);
        return resource + ": " + file + (line > 0 ? " line " + line : "") + ", field '" + path + "': " + cause;
    }

    /** The same manifest, for a resource whose name is now known. */
    ManifestDocument named(String name) {
        return new ManifestDocument(name, file, root, lines);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
