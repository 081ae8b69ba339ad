package dev.plinth.bedrock.molang;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A test entity whose fields the test queries read. */
final class Mob {
    double lifeTime = 0.25;
    double health = 15;
    double maxHealth = 20;
    boolean angry = true;
    String mainHand = "bow";
    String offHand = "shield";
    /** The entities near this one, as each caller's runtime sees them (one list per calling context). */
    final Map<MolangContext, List<MolangContext>> nearby = new IdentityHashMap<>();
    int queriesAsked;

    /** The queries of a {@link Mob}: what a host registers. */
    static MolangQueries queries() {
        return MolangQueries.builder()
                .withNumber("life_time", (c, a) -> mob(c).lifeTime)
                .withNumber("health", (c, a) -> {
                    mob(c).queriesAsked++;
                    return mob(c).health;
                })
                .withNumber("max_health", (c, a) -> mob(c).maxHealth)
                .withNumber("is_angry", (c, a) -> mob(c).angry ? 1 : 0)
                .withNumber("position", (c, a) -> a.number(0) * 10)
                .withText("get_equipped_item_name",
                        (c, a) -> a.text(0).equals("off_hand") || a.number(0) == 1 ? mob(c).offHand : mob(c).mainHand)
                .withValue("block_state", (c, a) -> switch (a.text(0)) {
                    case "demo:direction" -> new MolangValue.Number(2);
                    case "demo:jumbo" -> new MolangValue.Number(1);
                    case "minecraft:facing_direction" -> new MolangValue.Text("north");
                    default -> null;
                })
                .withValue("get_nearby_entities", (c, a) -> new MolangValue.Array(
                        mob(c).nearby.getOrDefault(c, List.of()).stream().<MolangValue>map(MolangValue.Entity::new)
                                .toList()))
                .withNumber("explodes", (c, a) -> {
                    throw new IllegalStateException("boom");
                })
                .build();
    }

    private static Mob mob(MolangContext context) {
        return (Mob) context.target();
    }
}
