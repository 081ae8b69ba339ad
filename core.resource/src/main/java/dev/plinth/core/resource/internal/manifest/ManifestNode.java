package dev.plinth.core.resource.internal.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ManifestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One field of a manifest, read with the checks every format shares: a wrong kind of value is refused with the
 * field's path and line.
 *
 * @param document the manifest
 * @param path the field's path ({@code plugin.name}); empty for the root
 * @param node its value, {@link MissingNode} when absent
 */
record ManifestNode(ManifestDocument document, String path, JsonNode node) {

    ManifestNode get(String key) {
        JsonNode child = node.isObject() ? node.get(key) : null;
        return new ManifestNode(document, path.isEmpty() ? key : path + "." + key,
                child == null ? MissingNode.getInstance() : child);
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** A string field; absent is empty. */
    Optional<String> text() {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid("must be a string, not " + kind());
        }
        return Optional.of(node.textValue());
    }

    /** A string field that must be there and not blank. */
    String requiredText() {
        String value = text().orElseThrow(() -> invalid("is required"));
        if (value.isBlank()) {
            throw invalid("must not be empty");
        }
        return value;
    }

    boolean bool(boolean absent) {
        if (!present()) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw invalid("must be true or false, not " + kind());
        }
        return node.booleanValue();
    }

    OptionalLong wholeNumber() {
        if (!present()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw invalid("must be a whole number of at least 0, not " + node);
        }
        return OptionalLong.of(node.longValue());
    }

    /** An integer that may be negative (a mod's priority). */
    int integer(int absent) {
        if (!present()) {
            return absent;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid("must be a whole number, not " + node);
        }
        return node.intValue();
    }

    /** The elements of an array field; absent is empty. */
    List<ManifestNode> elements() {
        if (!present()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("must be an array, not " + kind());
        }
        var elements = new ArrayList<ManifestNode>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new ManifestNode(document, path + "[" + i + "]", node.get(i)));
        }
        return elements;
    }

    /** An array of strings; absent is empty. */
    List<String> texts() {
        return elements().stream().map(e -> e.text().orElseThrow(() -> e.invalid("must be a string, not null"))).toList();
    }

    /** The fields of an object (table) field, in the order written; absent is empty. */
    Map<String, ManifestNode> fields() {
        if (!present()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw invalid("must be an object (a table), not " + kind());
        }
        var fields = new LinkedHashMap<String, ManifestNode>();
        node.properties().forEach(e -> fields.put(e.getKey(), get(e.getKey())));
        return fields;
    }

    /** A refusal of this field with the general manifest code. */
    ManifestException invalid(String cause) {
        return document.error(ResourceErrorCode.ERR_INVALID_MANIFEST, path, cause);
    }

    /** A warning that this field is read no further. */
    String ignored(String cause) {
        return document.warning(path, cause);
    }

    /** A refusal of this field with a specific code. */
    ManifestException error(ResourceErrorCode code, String cause) {
        return document.error(code, path, cause);
    }

    private String kind() {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }
}
