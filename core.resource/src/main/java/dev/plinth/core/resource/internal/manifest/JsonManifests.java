package dev.plinth.core.resource.internal.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.core.runtime.config.ParseProblem;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses JSON manifests into a tree that remembers the line of every field. Accepts what real manifests contain:
 * {@code //} and {@code /* *}{@code /} comments, trailing commas, a byte order mark, CRLF line ends; refuses a key
 * written twice.
 */
final class JsonManifests {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonManifests() {}

    /**
     * Parses a JSON manifest.
     *
     * @throws ManifestException ERR_INVALID_MANIFEST naming the line of a syntax error, or when the top level is
     *     not an object
     */
    static ManifestDocument parse(String resource, String file, byte[] content) {
        var lines = new HashMap<String, Integer>();
        try (JsonParser parser = FACTORY.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, file,
                        parser.currentTokenLocation().getLineNr(), "", "the manifest must be one JSON object");
            }
            JsonNode root = read(parser, "", lines);
            if (parser.nextToken() != null) {
                throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, file,
                        parser.currentTokenLocation().getLineNr(), "", "unexpected content after the manifest's object");
            }
            return new ManifestDocument(resource, file, root, lines);
        } catch (JacksonException e) {
            ParseProblem problem = ParseProblem.of(e);
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, file, problem.line(), "",
                    "not valid JSON: " + problem.reason());
        } catch (IOException e) {
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, file, 0, "",
                    "cannot be read: " + e.getMessage());
        }
    }

    /** Reads the value at the current token, recording the line of each field and array element below it. */
    private static JsonNode read(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    lines.put(child, parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    object.set(name, read(parser, child, lines));
                }
                yield object;
            }
            case START_ARRAY -> {
                var array = NODES.arrayNode();
                for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                    String child = path + "[" + i + "]";
                    lines.put(child, parser.currentTokenLocation().getLineNr());
                    array.add(read(parser, child, lines));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new AssertionError("the JSON parser produced " + parser.currentToken() + " as a value");
        };
    }
}
