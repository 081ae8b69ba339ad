package dev.plinth.bedrock.packs.internal.entity;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.packs.internal.filter.Environment;
import dev.plinth.bedrock.packs.internal.filter.FilterScene;
import dev.plinth.bedrock.packs.internal.filter.FilterSubject;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.util.Comparator;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The scene of a pack entity's filters: {@code self} is the entity, {@code other} (and {@code damager},
 * {@code target}) who it deals with, {@code player} the nearest player. Game thread only.
 *
 * @param self the entity
 * @param other who it deals with
 * @param damage the damage being dealt, for damage sensors
 */
record EntityScene(PackEntity self, Optional<FilterSubject> other, Optional<DamageCause> damage)
        implements FilterScene {

    @Override
    public Optional<FilterSubject> subject(String name) {
        return switch (name) {
            case "self" -> Optional.of(self);
            case "other", "damager", "target", "parent" -> other;
            case "player" -> other.filter(o -> o.entity() instanceof Player).or(this::nearestPlayer);
            default -> Optional.empty();
        };
    }

    private Optional<FilterSubject> nearestPlayer() {
        Position at = self.entity().position();
        return self.entity().world().entities().stream()
                .filter(e -> e instanceof Player)
                .min(Comparator.comparingDouble(e -> squared(e.position(), at)))
                .map(FilterSubject::of);
    }

    private static double squared(Position a, Position b) {
        double dx = a.x() - b.x();
        double dy = a.y() - b.y();
        double dz = a.z() - b.z();
        return dx * dx + dy * dy + dz * dz;
    }

    @Override
    public World world() {
        return self.entity().world();
    }

    @Override
    public Position position() {
        return self.entity().position();
    }

    @Override
    public RandomGenerator random() {
        return self.world().random();
    }

    @Override
    public MolangContext molang() {
        return self.molang();
    }

    @Override
    public Environment environment() {
        return self.world().environment().get();
    }
}
