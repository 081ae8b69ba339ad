package dev.plinth.core.resource.descriptor;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import java.io.Serial;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A manifest refused: its message names the resource, the file, the line and the field, then the cause:
 * {@code ERR_NAME_TOO_LONG: chat-demo: meta.json line 2, field 'name': ...}.
 */
public final class ManifestException extends ResourceException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    /**
     * Creates the exception.
     *
     * @param code {@code ERR_INVALID_NAME}, {@code ERR_NAME_TOO_LONG} or {@code ERR_INVALID_MANIFEST}
     * @param resource the resource (its folder or file name when the manifest names none)
     * @param file the manifest, relative to the resource ({@code server/manifest.json})
     * @param line the line of the faulty field or syntax error, 1-based; 0 when the fault has no line (a missing
     *     file or field)
     * @param field the faulty field ({@code plugin.name}, {@code scripts[1].path}); empty for a syntax error
     * @param cause the sentence saying what is wrong and what is expected
     */
    public ManifestException(ResourceErrorCode code, String resource, String file, int line, String field,
            String cause) {
        super(code, resource, describe(resource, file, line, field, cause));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.field = Objects.requireNonNull(field, "field");
    }

    /**
     * The manifest file, relative to the resource.
     *
     * @return the path
     */
    public String file() {
        return file;
    }

    /**
     * The line of the fault.
     *
     * @return the 1-based line, empty when the fault has none
     */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /**
     * The faulty field.
     *
     * @return its path, empty for a syntax error
     */
    public Optional<String> field() {
        return field.isEmpty() ? Optional.empty() : Optional.of(field);
    }

    private static String describe(String resource, String file, int line, String field, String cause) {
        var text = new StringBuilder(resource).append(": ").append(file);
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (!field.isEmpty()) {
            text.append(", field '").append(field).append('\'');
        }
        return text.append(": ").append(cause).toString();
    }
}
