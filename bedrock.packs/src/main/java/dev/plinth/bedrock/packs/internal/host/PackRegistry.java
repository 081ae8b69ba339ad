package dev.plinth.bedrock.packs.internal.host;

import dev.plinth.bedrock.packs.internal.definition.Definition;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.entity.PackEntity;
import dev.plinth.bedrock.packs.internal.world.DefinitionLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The started packs, in the order they started, and their definitions as one: a pack's own definition wins for
 * itself, else the latest started pack's. Changed and read on the game thread only.
 */
public final class PackRegistry implements DefinitionLookup {

    private final Map<String, ActivePack> packs = new LinkedHashMap<>();

    /** Adds a started pack. */
    void add(ActivePack pack) {
        packs.put(pack.name(), pack);
    }

    /** Removes a stopped pack. */
    Optional<ActivePack> remove(String name) {
        return Optional.ofNullable(packs.remove(name));
    }

    /** {@return the started packs, in start order} */
    public List<ActivePack> packs() {
        return List.copyOf(packs.values());
    }

    /** {@return a started pack} */
    public Optional<ActivePack> pack(String name) {
        return Optional.ofNullable(packs.get(name));
    }

    @Override
    public <D extends Definition> Optional<D> find(String pack, DefinitionKind kind, String id, Class<D> type) {
        ActivePack own = packs.get(pack);
        if (own != null) {
            Optional<D> found = own.loaded().find(kind, id, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return anywhere(kind, id, type);
    }

    /**
     * A definition of any started pack, the latest started first.
     *
     * @param <D> its class
     * @param kind its kind
     * @param id its id
     * @param type its class
     * @return the definition
     */
    public <D extends Definition> Optional<D> anywhere(DefinitionKind kind, String id, Class<D> type) {
        List<ActivePack> order = new ArrayList<>(packs.values());
        for (int i = order.size() - 1; i >= 0; i--) {
            Optional<D> found = order.get(i).loaded().find(kind, id, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * A living pack entity.
     *
     * @param id its number
     * @return its behavior
     */
    public Optional<PackEntity> entity(long id) {
        for (ActivePack pack : packs.values()) {
            for (var type : pack.entityTypes().values()) {
                Optional<PackEntity> found = type.entity(id);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
