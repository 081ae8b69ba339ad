package dev.plinth.bedrock.packs.internal.world;

import dev.plinth.bedrock.packs.internal.definition.Definition;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import java.util.Optional;

/**
 * Finds definitions across the started packs, as Bedrock merges its behavior packs: a pack's own definition first,
 * then the other started packs' (a pack's entity may name a loot table of another pack). Game thread only.
 */
@FunctionalInterface
public interface DefinitionLookup {

    /**
     * Finds a definition.
     *
     * @param <D> its class
     * @param pack the pack asking, whose own definitions come first
     * @param kind the kind
     * @param id the id (a path for loot and trade tables)
     * @param type its class
     * @return the definition, or empty
     */
    <D extends Definition> Optional<D> find(String pack, DefinitionKind kind, String id, Class<D> type);
}
