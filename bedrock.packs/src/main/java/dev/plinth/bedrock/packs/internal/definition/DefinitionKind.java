package dev.plinth.bedrock.packs.internal.definition;

import java.util.Locale;
import java.util.Optional;

/** The kinds of definition a behavior pack holds, each read from its own top-level folder. */
public enum DefinitionKind {
    /** {@code entities/}: {@code minecraft:entity}. */
    ENTITY("entities"),
    /** {@code items/}: {@code minecraft:item}. */
    ITEM("items"),
    /** {@code blocks/}: {@code minecraft:block}. */
    BLOCK("blocks"),
    /** {@code recipes/}: shaped, shapeless, furnace and the other {@code minecraft:recipe_*}. */
    RECIPE("recipes"),
    /** {@code loot_tables/}: named by their path. */
    LOOT_TABLE("loot_tables"),
    /** {@code trading/}: named by their path. */
    TRADE_TABLE("trading"),
    /** {@code spawn_rules/}: {@code minecraft:spawn_rules}. */
    SPAWN_RULE("spawn_rules"),
    /** {@code features/}: {@code minecraft:*_feature}. */
    FEATURE("features"),
    /** {@code feature_rules/}: {@code minecraft:feature_rules}. */
    FEATURE_RULE("feature_rules"),
    /** {@code animation_controllers/}: a behavior pack's animation controllers (commands, events, Molang). */
    ANIMATION_CONTROLLER("animation_controllers"),
    /** {@code animations/}: a behavior pack's animations (timelines of commands, events, Molang). */
    ANIMATION("animations"),
    /** {@code functions/}: {@code .mcfunction} command lists, named by their path. */
    FUNCTION("functions");

    private final String folder;

    DefinitionKind(String folder) {
        this.folder = folder;
    }

    /** {@return the top-level folder it is read from} */
    public String folder() {
        return folder;
    }

    /** {@return the kind's name as the shell writes it: {@code entity}, {@code loot_table}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a kind by its {@link #id()} (or folder name), ignoring case.
     *
     * @param text {@code entity}, {@code entities}, {@code loot_table}...
     * @return the kind, or empty
     */
    public static Optional<DefinitionKind> byId(String text) {
        String key = text.toLowerCase(Locale.ROOT).replace('-', '_');
        for (DefinitionKind kind : values()) {
            if (kind.id().equals(key) || kind.folder.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
