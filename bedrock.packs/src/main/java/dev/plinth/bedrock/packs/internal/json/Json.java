package dev.plinth.bedrock.packs.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of a pack file with the JSON path it was found at, so that whatever is wrong with it names where it is.
 * Reading a missing field gives a missing value (never an exception) until a required value is asked for.
 *
 * <p>Immutable.
 *
 * @param node the value (a {@link MissingNode} when absent)
 * @param path its JSON pointer ({@code /minecraft:entity/components})
 */
public record Json(JsonNode node, String path) {

    /**
     * The top-level value of a file.
     *
     * @param root the parsed file
     * @return the value at path {@code ""}
     */
    public static Json root(JsonNode root) {
        return new Json(root, "");
    }

    /**
     * A field of this object.
     *
     * @param name the field name
     * @return its value, missing when this is not an object or has no such field
     */
    public Json get(String name) {
        JsonNode child = node.isObject() ? node.get(name) : null;
        return new Json(child == null ? MissingNode.getInstance() : child,
                path + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    /** {@return whether the value is there and not null} */
    public boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** {@return whether it is an object} */
    public boolean isObject() {
        return node.isObject();
    }

    /** {@return whether it is an array} */
    public boolean isArray() {
        return node.isArray();
    }

    /** {@return whether it is a string} */
    public boolean isText() {
        return node.isTextual();
    }

    /** {@return whether it is a number} */
    public boolean isNumber() {
        return node.isNumber();
    }

    /**
     * The value as a string.
     *
     * @return the text
     * @throws JsonProblem when it is missing or not a string
     */
    public String text() {
        if (!node.isTextual()) {
            throw problem(present() ? "expected a string, found " + describe() : "is required (a string)");
        }
        return node.textValue();
    }

    /** {@return the value as a string, or empty when it is missing} */
    public Optional<String> optionalText() {
        return present() ? Optional.of(text()) : Optional.empty();
    }

    /**
     * The value as a number.
     *
     * @return the number
     * @throws JsonProblem when it is missing or not a number
     */
    public double number() {
        if (!node.isNumber()) {
            throw problem(present() ? "expected a number, found " + describe() : "is required (a number)");
        }
        return node.doubleValue();
    }

    /**
     * The value as a number, with a default.
     *
     * @param otherwise when it is missing
     * @return the number
     * @throws JsonProblem when it is there but not a number
     */
    public double number(double otherwise) {
        return present() ? number() : otherwise;
    }

    /**
     * The value as a boolean, with a default; Bedrock accepts 0 and 1 too.
     *
     * @param otherwise when it is missing
     * @return the boolean
     * @throws JsonProblem when it is there but neither a boolean nor a number
     */
    public boolean bool(boolean otherwise) {
        if (!present()) {
            return otherwise;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        throw problem("expected true or false, found " + describe());
    }

    /**
     * The elements of an array; a single value that is not an array counts as an array of one (Bedrock accepts
     * both in most places), a missing value as an empty array.
     *
     * @return the elements with their paths
     */
    public List<Json> elements() {
        if (!present()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(this);
        }
        var elements = new ArrayList<Json>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new Json(node.get(i), path + "/" + i));
        }
        return elements;
    }

    /**
     * The fields of an object, in file order.
     *
     * @return name to value; empty when missing
     * @throws JsonProblem when it is there but not an object
     */
    public Map<String, Json> fields() {
        if (!present()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw problem("expected an object, found " + describe());
        }
        var fields = new LinkedHashMap<String, Json>();
        node.properties().forEach(e -> fields.put(e.getKey(), get(e.getKey())));
        return fields;
    }

    /**
     * The strings of an array (or a single string).
     *
     * @return the strings
     * @throws JsonProblem when an element is not a string
     */
    public List<String> texts() {
        return elements().stream().map(Json::text).toList();
    }

    /**
     * A problem with this value.
     *
     * @param message what is wrong
     * @return the exception to throw
     */
    public JsonProblem problem(String message) {
        return new JsonProblem(path, 0, message);
    }

    /** {@return the kind of value, for messages: {@code "abc"}, 3, an object...} */
    public String describe() {
        if (node.isTextual()) {
            String text = node.textValue();
            return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isMissingNode() ? "nothing" : node.toString();
    }
}
