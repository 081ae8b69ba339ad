package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.List;

/**
 * A {@code minecraft:feature_rules}: which feature world generation places, in which pass and biomes, how often.
 * Listed and shown; the flat simulated worlds do not generate. Immutable.
 *
 * @param id the identifier
 * @param source where it was read
 * @param json the file's JSON
 * @param placesFeature the feature it places
 * @param placementPass its pass ({@code surface_pass})
 * @param iterations its distribution's iterations, as written
 */
public record FeatureRuleDefinition(String id, Source source, JsonNode json, String placesFeature,
        String placementPass, String iterations) implements Definition {

    /**
     * Reads one feature rule file.
     *
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     */
    public static FeatureRuleDefinition read(Json root, Source source, Reading reading) {
        Json rules = root.get("minecraft:feature_rules");
        if (!rules.isObject()) {
            throw root.problem("a feature rule file holds a minecraft:feature_rules object");
        }
        Json description = rules.get("description");
        Json iterations = rules.get("distribution").get("iterations");
        if (iterations.isText()) {
            reading.expression(iterations);
        }
        return new FeatureRuleDefinition(description.get("identifier").text(), source, root.node(),
                description.get("places_feature").text(),
                rules.get("conditions").get("placement_pass").optionalText().orElse(""),
                iterations.present() ? iterations.node().asText() : "1");
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.FEATURE_RULE;
    }

    @Override
    public List<String> summary() {
        return List.of("feature rule " + id + " (" + source + ")", "places " + placesFeature + " in "
                + (placementPass.isEmpty() ? "no pass" : placementPass) + ", " + iterations + " iteration(s)");
    }
}
