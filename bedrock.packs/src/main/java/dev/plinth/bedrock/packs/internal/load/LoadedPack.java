package dev.plinth.bedrock.packs.internal.load;

import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.packs.internal.definition.Definition;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What loading a pack produced: its definitions of every kind, the files it skipped (with why), what it keeps
 * without simulating, and the folders it did not read. Immutable once built; the Molang scope its expressions were
 * compiled in belongs to it and is closed with it.
 *
 * @param name the pack (resource name)
 * @param definitions kind to id to definition
 * @param failures the files skipped
 * @param kept what is kept without being simulated, with how often
 * @param otherFolders top-level folders not read, with their file count
 * @param files how many files were read
 * @param millis how long loading took
 * @param molang the pack's Molang scope
 */
public record LoadedPack(String name, Map<DefinitionKind, SortedMap<String, Definition>> definitions,
        List<FileFailure> failures, SortedMap<String, Integer> kept, SortedMap<String, Integer> otherFolders, int files,
        long millis, MolangScope molang) implements AutoCloseable {

    /** Copies the collections. */
    public LoadedPack {
        var copy = new EnumMap<DefinitionKind, SortedMap<String, Definition>>(DefinitionKind.class);
        for (DefinitionKind kind : DefinitionKind.values()) {
            copy.put(kind, Collections.unmodifiableSortedMap(new TreeMap<>(definitions.getOrDefault(kind,
                    new TreeMap<>()))));
        }
        definitions = Collections.unmodifiableMap(copy);
        failures = List.copyOf(failures);
        kept = Collections.unmodifiableSortedMap(new TreeMap<>(kept));
        otherFolders = Collections.unmodifiableSortedMap(new TreeMap<>(otherFolders));
    }

    /**
     * The definitions of a kind.
     *
     * @param kind the kind
     * @return id to definition, sorted by id
     */
    public SortedMap<String, Definition> of(DefinitionKind kind) {
        return definitions.get(kind);
    }

    /**
     * A definition.
     *
     * @param <D> its class
     * @param kind its kind
     * @param id its id
     * @param type its class
     * @return the definition, or empty
     */
    public <D extends Definition> Optional<D> find(DefinitionKind kind, String id, Class<D> type) {
        return Optional.ofNullable(definitions.get(kind).get(id)).filter(type::isInstance).map(type::cast);
    }

    /**
     * The definitions of a kind, as their class.
     *
     * @param <D> the class
     * @param kind the kind
     * @param type the class
     * @return the definitions
     */
    public <D extends Definition> List<D> all(DefinitionKind kind, Class<D> type) {
        Collection<Definition> all = definitions.get(kind).values();
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** {@return how many definitions of each kind, in kind order, kinds with none left out} */
    public Map<DefinitionKind, Integer> counts() {
        var counts = new EnumMap<DefinitionKind, Integer>(DefinitionKind.class);
        definitions.forEach((kind, map) -> {
            if (!map.isEmpty()) {
                counts.put(kind, map.size());
            }
        });
        return counts;
    }

    /** Closes the pack's Molang scope: its expressions stop evaluating. */
    @Override
    public void close() {
        molang.close();
    }
}
