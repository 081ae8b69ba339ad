package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceService;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a resource name may be, wherever one comes from (a manifest, a folder, {@code Resource.Start(name)} in any
 * language, the shell): letters, digits, {@code _} and {@code -}, in dot-separated parts, starting with a letter or
 * digit, at most {@link ResourceService#MAX_NAME_LENGTH} characters. Stateless.
 */
public final class ResourceNames {

    /** Letters, digits, {@code _} and {@code -}, in dot-separated parts, starting with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");

    private ResourceNames() {}

    /**
     * Checks a name a caller asks for, before it is looked up.
     *
     * @param name the name
     * @return the name
     * @throws ResourceException {@code ERR_NAME_TOO_LONG} or {@code ERR_INVALID_NAME}, naming the name
     */
    public static String check(String name) {
        problem(name).ifPresent(code -> {
            throw new ResourceException(code, name, code == ResourceErrorCode.ERR_NAME_TOO_LONG
                    ? tooLong(name) : invalid(name));
        });
        return name;
    }

    /** The code of what is wrong with a name, empty when it is a valid one. */
    static Optional<ResourceErrorCode> problem(String name) {
        if (name.length() > ResourceService.MAX_NAME_LENGTH) {
            return Optional.of(ResourceErrorCode.ERR_NAME_TOO_LONG);
        }
        return NAME.matcher(name).matches() ? Optional.empty() : Optional.of(ResourceErrorCode.ERR_INVALID_NAME);
    }

    /** Why a name is too long. */
    static String tooLong(String name) {
        return "'" + name.substring(0, Math.min(name.length(), 80)) + (name.length() > 80 ? "..." : "") + "' has "
                + name.length() + " characters, at most " + ResourceService.MAX_NAME_LENGTH + " are allowed";
    }

    /** Why a name is not valid. */
    static String invalid(String name) {
        return "'" + name + "' is not a valid name: use letters, digits, '_', '-' and '.' (not at the start or end), "
                + "such as chat-demo";
    }
}
