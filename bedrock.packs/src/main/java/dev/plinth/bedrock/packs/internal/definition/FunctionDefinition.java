package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code functions/*.mcfunction}: a list of commands, named by its path without the folder and the extension
 * ({@code guard/alert}). Loaded and shown; the simulated world runs no Bedrock commands. Immutable.
 *
 * @param id its name
 * @param source where it was read
 * @param commands its command lines, comments and blank lines left out
 */
public record FunctionDefinition(String id, Source source, List<String> commands) implements Definition {

    /** Copies the commands. */
    public FunctionDefinition {
        commands = List.copyOf(commands);
    }

    /**
     * Reads one function file.
     *
     * @param id its name
     * @param content the file's bytes
     * @param source where it is
     * @return the definition
     */
    public static FunctionDefinition read(String id, byte[] content, Source source) {
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        return new FunctionDefinition(id, source, lines);
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.FUNCTION;
    }

    @Override
    public JsonNode json() {
        var array = JsonNodeFactory.instance.arrayNode();
        commands.forEach(array::add);
        return array;
    }

    @Override
    public List<String> summary() {
        return List.of("function " + id + " (" + source + "): " + commands.size() + " command(s), not run");
    }
}
