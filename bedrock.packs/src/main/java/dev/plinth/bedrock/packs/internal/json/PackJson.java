package dev.plinth.bedrock.packs.internal.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.runtime.config.ParseProblem;
import java.io.IOException;

/**
 * Reads JSON as Bedrock writes it: {@code //} and {@code /* *}{@code /} comments, trailing commas, tabs and other
 * control characters inside strings, a byte order mark, CRLF line ends, numbers written {@code .5}, {@code 5.} or
 * {@code +5}, and keys written twice (the last one counts, as in the game). Only the line of a problem is looked
 * up, by reading the file again ({@link #lineOf}), so that the common case pays nothing for it.
 *
 * <p>Thread-safe.
 */
public final class PackJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private PackJson() {}

    /**
     * Parses one file.
     *
     * @param content the file's bytes (UTF-8, with or without a byte order mark)
     * @return the top-level value
     * @throws JsonProblem when the text is not JSON, with the line and the path where it stopped
     */
    public static JsonNode parse(byte[] content) {
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonNode root = MAPPER.readTree(parser);
            if (root == null) {
                throw new JsonProblem("", 1, "the file is empty");
            }
            if (parser.nextToken() != null) {
                throw new JsonProblem("", parser.currentTokenLocation().getLineNr(),
                        "unexpected content after the top-level value");
            }
            return root;
        } catch (JacksonException e) {
            ParseProblem problem = ParseProblem.of(e);
            String path = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                    && p.getProcessor() instanceof JsonParser parser
                    ? parser.getParsingContext().pathAsPointer().toString() : "";
            throw new JsonProblem(path, problem.line(), "not valid JSON: " + problem.reason());
        } catch (IOException e) {
            throw new JsonProblem("", 0, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The line where the value at a path is written: the nearest enclosing value that exists when the path
     * itself does not (a missing field is reported at its object).
     *
     * @param content the file's bytes
     * @param path a JSON pointer ({@code /minecraft:entity/components/minecraft:health})
     * @return the line, from 1; 0 when the file cannot be read again
     */
    public static int lineOf(byte[] content, String path) {
        JsonPointer target;
        try {
            target = JsonPointer.compile(path);
        } catch (IllegalArgumentException e) {
            return 0;
        }
        int best = 1;
        int bestDepth = -1;
        try (JsonParser parser = FACTORY.createParser(content)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonPointer here = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                        ? parser.getParsingContext().getParent().pathAsPointer()
                        : parser.getParsingContext().pathAsPointer();
                int depth = prefixDepth(here, target);
                if (depth > bestDepth) {
                    bestDepth = depth;
                    best = parser.currentTokenLocation().getLineNr();
                    if (here.equals(target)) {
                        return best;
                    }
                }
            }
        } catch (IOException e) {
            return best;
        }
        return best;
    }

    /** How many segments of {@code target} {@code here} covers when it is a prefix of it, else -1. */
    private static int prefixDepth(JsonPointer here, JsonPointer target) {
        int depth = 0;
        JsonPointer h = here;
        JsonPointer t = target;
        while (!h.matches()) {
            if (t.matches() || !h.getMatchingProperty().equals(t.getMatchingProperty())) {
                return -1;
            }
            h = h.tail();
            t = t.tail();
            depth++;
        }
        return depth;
    }
}
