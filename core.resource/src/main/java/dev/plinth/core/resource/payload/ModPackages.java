package dev.plinth.core.resource.payload;

import dev.plinth.core.resource.descriptor.Side;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Staminal's mod packages, an OSGi service: each started mod's sides packed as zips in the home's
 * {@code mod-packages/} folder ({@code {id}-v{version}-{platforms}.zip}, {@code platforms} the manifest's
 * {@code execute_on} sorted and joined with {@code +}), listed in {@code mod-packages/mod-packages.json}
 * ({@code {"client": [...], "server": [...]}}), as Staminal's packer lays them out and its {@code mods-manager} mod
 * serves them. A side's zip holds the mod's files but the other side's folder; packages of mods that stop are removed.
 *
 * <p>Thread-safe. Packing reads and writes files: never call it on the game thread.
 */
@ProviderType
public interface ModPackages {

    /**
     * The packages of one side, packing what changed first.
     *
     * @param side {@link Side#CLIENT} or {@link Side#SERVER}
     * @return one package per started mod that runs on that side, sorted by id
     * @throws IllegalStateException when called on the game thread
     */
    List<ModPackage> packages(Side side);

    /**
     * One mod's package of one side, packed now when it changed.
     *
     * @param mod the mod id
     * @param side the side
     * @return the package, empty when the mod is not started or does not run on that side
     * @throws IllegalStateException when called on the game thread
     */
    Optional<ModPackage> find(String mod, Side side);
}
