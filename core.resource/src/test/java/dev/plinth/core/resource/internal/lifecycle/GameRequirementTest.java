package dev.plinth.core.resource.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.descriptor.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class GameRequirementTest {

    private static final Optional<Version> BEDROCK = Optional.of(new Version(1, 21, 50));

    @Test
    void aGameVersionInsideTheRangeIsAccepted() {
        assertEquals(Optional.empty(), GameRequirement.problem(mod("[1.21.0,1.22.0]"), BEDROCK));
        assertEquals(Optional.empty(), GameRequirement.problem(mod("[1.21.50,1.21.50]"), BEDROCK));
    }

    @Test
    void aGameVersionOutsideTheRangeNamesTheRangeAndTheGamesVersion() {
        assertEquals(Optional.of("old-mod needs @game [1.0.0,1.5.0], the server runs game 1.21.50"),
                GameRequirement.problem(mod("[1.0.0,1.5.0]"), BEDROCK));
        assertEquals(Optional.of("old-mod needs @game =1.20.80, the server runs game 1.21.50"),
                GameRequirement.problem(mod("[1.20.80,1.20.80]"), BEDROCK));
    }

    @Test
    void nothingIsRefusedWhenTheServerDoesNotSayWhichGameItRuns() {
        assertEquals(Optional.empty(), GameRequirement.problem(mod("[1.0.0,1.5.0]"), Optional.empty()));
    }

    @Test
    void otherPseudoDependenciesAreNotCheckedAgainstTheGame() {
        var descriptor = descriptor(List.of(
                new Dependency(Dependency.Kind.SERVER, "@server", new VersionRange("[9.0.0,9.0.0]")),
                new Dependency(Dependency.Kind.CLIENT, "@client", new VersionRange("[9.0.0,9.0.0]"))));

        assertEquals(Optional.empty(), GameRequirement.problem(descriptor, BEDROCK));
    }

    private static ResourceDescriptor mod(String gameRange) {
        return descriptor(List.of(new Dependency(Dependency.Kind.GAME, "@game", new VersionRange(gameRange))));
    }

    private static ResourceDescriptor descriptor(List<Dependency> dependencies) {
        return new ResourceDescriptor("old-mod", ManifestFormat.MOD_MANIFEST, "manifest.json", ResourceType.MOD,
                Language.NONE, new Version(1, 0, 0), "", "", Optional.empty(), List.of(), List.of(), List.of(),
                dependencies, Map.of(), ResourceLimits.NONE,
                new FormatDetails.ModManifest("Old mod", 0, "library", Set.of(Side.SERVER), Optional.empty()));
    }
}
