package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.ManifestException;
import java.util.List;
import java.util.regex.Pattern;

/** The checks every manifest format shares: names, file paths, the number of dependencies. */
final class ManifestRules {

    /** Letters, digits, {@code _} and {@code -}, in dot-separated parts, starting with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");

    private ManifestRules() {}

    /** A name written in a manifest field (the resource's own or a dependency's). */
    static String name(ManifestNode field, String name) {
        if (name.length() > ResourceService.MAX_NAME_LENGTH) {
            throw field.error(ResourceErrorCode.ERR_NAME_TOO_LONG, tooLong(name));
        }
        if (!NAME.matcher(name).matches()) {
            throw field.error(ResourceErrorCode.ERR_INVALID_NAME, invalid(name));
        }
        return name;
    }

    /** A name taken from the folder or file name (resource.toml, mods, packs), checked like a written one. */
    static String folderName(ManifestDocument document, String name) {
        String prefix = "the folder name is the resource name, and ";
        if (name.length() > ResourceService.MAX_NAME_LENGTH) {
            throw new ManifestException(ResourceErrorCode.ERR_NAME_TOO_LONG, name, document.file(), 0, "",
                    prefix + tooLong(name));
        }
        if (!NAME.matcher(name).matches()) {
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_NAME, name, document.file(), 0, "",
                    prefix + invalid(name));
        }
        return name;
    }

    private static String tooLong(String name) {
        return "'" + name + "' has " + name.length() + " characters, at most " + ResourceService.MAX_NAME_LENGTH
                + " are allowed";
    }

    private static String invalid(String name) {
        return "'" + name + "' is not a valid name: use letters, digits, '_', '-' and '.' (not at the start or end), "
                + "such as chat-demo";
    }

    /**
     * A file path written in a manifest: relative, inside the resource, and (when it must exist) present.
     */
    static String path(ManifestNode field, ResourceFiles files, boolean mustExist) {
        String path = field.requiredText().replace('\\', '/');
        if (path.startsWith("/") || path.matches("[A-Za-z]:.*") || List.of(path.split("/")).contains("..")) {
            throw field.invalid("'" + path + "' leaves the resource: paths are relative to the resource folder");
        }
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (mustExist && !files.exists(path)) {
            throw field.invalid("'" + path + "' does not exist in " + files.name() + "/");
        }
        return path;
    }

    /** At most {@link ResourceService#MAX_DEPENDENCIES} dependencies. */
    static List<Dependency> dependencies(ManifestNode field, List<Dependency> dependencies) {
        if (dependencies.size() > ResourceService.MAX_DEPENDENCIES) {
            throw field.invalid("declares " + dependencies.size() + " dependencies, at most "
                    + ResourceService.MAX_DEPENDENCIES + " are allowed");
        }
        return dependencies;
    }
}
