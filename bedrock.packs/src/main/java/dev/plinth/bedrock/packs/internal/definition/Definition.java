package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** One loaded definition of a pack: its id, its kind, where it was read and what the file says. */
public interface Definition {

    /** {@return its id: {@code custom:guard}, or a path for loot tables, trade tables and functions} */
    String id();

    /** {@return its kind} */
    DefinitionKind kind();

    /** {@return where it was read} */
    Source source();

    /** {@return the JSON it was read from (for {@code pack:show})} */
    JsonNode json();

    /** {@return what Plinth makes of it, one line each, shown by {@code pack:show} before the JSON} */
    java.util.List<String> summary();
}
