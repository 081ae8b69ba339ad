package dev.plinth.bedrock.packs.internal.host;

import dev.plinth.bedrock.packs.internal.entity.PackEntityType;
import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.core.runtime.content.ContentRegistration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;

/**
 * A started pack: what was loaded, and what it registered in the world (removed when it stops).
 *
 * @param bundle its bundle
 * @param loaded its definitions
 * @param entityTypes its entity types, by id
 * @param registrations its entity, item and block types in the world
 * @param modules its manifest's modules
 * @param script its script module while it runs, stopped with the pack
 */
public record ActivePack(Bundle bundle, LoadedPack loaded, Map<String, PackEntityType> entityTypes,
        List<ContentRegistration> registrations, PackModules modules, Optional<PackScript> script) {

    /** Copies the collections. */
    public ActivePack {
        entityTypes = Map.copyOf(entityTypes);
        registrations = List.copyOf(registrations);
    }

    /** {@return the pack's name} */
    public String name() {
        return loaded.name();
    }
}
