package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code minecraft:item} of a behavior pack (the 1.10 and the 1.16.100+ formats). Immutable.
 *
 * @param id the identifier
 * @param source where it was read
 * @param json the file's JSON
 * @param maxStackSize {@code minecraft:max_stack_size}, 64 without it
 * @param tags its item tags ({@code minecraft:tags}, or the old {@code tag:NAME} components)
 * @param components the names of its components
 */
public record ItemDefinition(String id, Source source, JsonNode json, int maxStackSize, Set<String> tags,
        List<String> components) implements Definition {

    /** Copies the collections. */
    public ItemDefinition {
        tags = Set.copyOf(tags);
        components = List.copyOf(components);
    }

    /**
     * Reads one item file.
     *
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     */
    public static ItemDefinition read(Json root, Source source, Reading reading) {
        Json item = root.get("minecraft:item");
        if (!item.isObject()) {
            throw root.problem("an item file holds a minecraft:item object");
        }
        String id = reading.identifier(item.get("description").get("identifier"), "item");
        Json components = item.get("components");
        Json stack = components.get("minecraft:max_stack_size");
        int max = (int) (stack.isObject() ? stack.get("value").number(64) : stack.number(64));
        if (max < 1 || max > 64) {
            throw stack.problem("a stack holds 1 to 64 items, not " + max);
        }
        var tags = new LinkedHashSet<String>(components.get("minecraft:tags").get("tags").texts());
        var names = components.fields().keySet().stream().toList();
        for (String name : names) {
            if (name.startsWith("tag:")) {
                tags.add(name.substring(4));
            } else if (!name.equals("minecraft:max_stack_size") && !name.equals("minecraft:tags")) {
                reading.keep("item component " + name);
            }
        }
        return new ItemDefinition(id, source, root.node(), max, tags, names);
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.ITEM;
    }

    @Override
    public List<String> summary() {
        return List.of("item " + id + " (" + source + ", format " + source.formatVersion() + ")",
                "max_stack_size " + maxStackSize + (tags.isEmpty() ? "" : ", tags " + tags),
                "components: " + String.join(", ", components));
    }
}
