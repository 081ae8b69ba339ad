package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.ManifestException;
import java.util.List;

/** The checks every manifest format shares: names, file paths, the number of dependencies. */
final class ManifestRules {

    private ManifestRules() {}

    /** A name written in a manifest field (the resource's own or a dependency's). */
    static String name(ManifestNode field, String name) {
        ResourceNames.problem(name).ifPresent(code -> {
            throw field.error(code, code == ResourceErrorCode.ERR_NAME_TOO_LONG
                    ? ResourceNames.tooLong(name) : ResourceNames.invalid(name));
        });
        return name;
    }

    /** A name taken from the folder or file name (resource.toml, mods, packs), checked like a written one. */
    static String folderName(ManifestDocument document, String name) {
        String prefix = "the folder name is the resource name, and ";
        ResourceNames.problem(name).ifPresent(code -> {
            throw new ManifestException(code, name, document.file(), 0, "", prefix
                    + (code == ResourceErrorCode.ERR_NAME_TOO_LONG ? ResourceNames.tooLong(name) : ResourceNames.invalid(name)));
        });
        return name;
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
