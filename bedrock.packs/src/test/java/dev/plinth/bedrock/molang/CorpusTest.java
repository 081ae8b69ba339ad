package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.plinth.testsupport.Corpus;
import dev.plinth.testsupport.RequiresCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every expression and program of the shared corpus (Molang found in Microsoft's public add-on samples) parses,
 * compiles and evaluates, in every backend, to a finite number or a string; several have their value checked.
 * Each query answers a fixed value (0.5 for numbers), each variable starts at 0.5, {@code this} is 0.5.
 */
@RequiresCorpus({"molang-expressions.txt", "molang-programs.txt"})
class CorpusTest {

    /**
     * The corpus lines that are not Molang: the extractor took a display name ({@code minecraft:display_name} of
     * custom_items/behavior_packs/custom_item/items/my_sword_singing.json), which Bedrock never evaluates.
     */
    private static final Map<String, MolangErrorCode> NOT_MOLANG = Map.of(
            "Sword Singer (as a Record)", MolangErrorCode.UNKNOWN_NAME);

    private static final Pattern QUERY = Pattern.compile("(?i)\\b(?:q|query)\\.([a-z_][a-z0-9_]*)");
    private static final Pattern VARIABLE = Pattern.compile("(?i)\\b(?:v|variable)\\.([a-z_][a-z0-9_.]*[a-z0-9_])");
    private static final Set<String> TEXT_QUERIES = Set.of("get_equipped_item_name", "item_slot_to_bone_name");

    private static List<String> expressions;
    private static List<String> programs;
    private static MolangQueries queries;

    @BeforeAll
    static void readTheCorpus() throws IOException {
        expressions = lines("molang-expressions.txt");
        programs = lines("molang-programs.txt");
        var names = new TreeSet<String>();
        for (String line : concat(expressions, programs)) {
            Matcher m = QUERY.matcher(line);
            while (m.find()) {
                names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        var builder = MolangQueries.builder();
        for (String name : names) {
            if (TEXT_QUERIES.contains(name)) {
                builder.withText(name, (c, a) -> name.equals("get_equipped_item_name") ? "crossbow" : "rightitem");
            } else if (name.equals("block_state") || name.equals("property")) {
                builder.withValue(name, (c, a) -> state(a.text(0)));
            } else {
                builder.withNumber(name, (c, a) -> 0.5);
            }
        }
        queries = builder.build();
    }

    /** The lines of a corpus file, each an expression or program, an embedded newline written {@code \\n}. */
    private static List<String> lines(String name) throws IOException {
        return Files.readAllLines(Corpus.path(name)).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.replace("\\n", "\n"))
                .toList();
    }

    private static MolangValue state(String name) {
        return switch (name) {
            case "minecraft:cardinal_direction", "minecraft:facing_direction" -> new MolangValue.Text("north");
            case "mikeamm_gwve:state" -> new MolangValue.Text("active");
            case "minecraft:shape" -> new MolangValue.Text("chicken");
            case "demo:jumbo", "multi_block:light_on" -> new MolangValue.Number(0);
            default -> new MolangValue.Number(1);
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A fresh entity with its variables at 0.5, in every backend. */
    private static Backends world(String source) {
        var molang = new Backends(queries, "entity");
        for (MolangContext context : molang.contexts()) {
            Matcher m = VARIABLE.matcher(source);
            while (m.find()) {
                context.variables().set(m.group(1), 0.5);
            }
            context.setThisValue(0.5);
            context.setContext("is_first_person", 1);
            context.setContext("item_slot", new MolangValue.Text("main_hand"));
            context.setContext("other", new MolangValue.Entity(context));
            context.setRandom(new SplittableRandom(1));
        }
        return molang;
    }

    @Test
    void everyExpressionCompilesAndEvaluatesToAFiniteNumberOrAString() {
        assertEquals(415, expressions.size());
        var failures = new LinkedHashMap<String, String>();
        int evaluated = 0;
        for (String source : expressions) {
            MolangErrorCode refused = NOT_MOLANG.get(source);
            if (refused != null) {
                assertEquals(refused, world(source).failure(source).code(), source);
                continue;
            }
            try {
                MolangValue value = world(source).value(source);
                boolean good = value instanceof MolangValue.Text
                        || value instanceof MolangValue.Number(double n) && Double.isFinite(n);
                if (!good) {
                    failures.put(source, "yields " + value);
                }
                evaluated++;
            } catch (MolangException e) {
                failures.put(source, e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " corpus expressions failed:\n" + String.join("\n", failures.values()));
        }
        assertEquals(414, evaluated);
        System.out.printf("molang corpus: %d of %d expressions of molang-expressions.txt compiled and evaluated in "
                + "every backend; %d not Molang (refused as expected)%n", evaluated, expressions.size(),
                expressions.size() - evaluated);
    }

    @Test
    void everyProgramCompilesAndRunsAsOneProgram() {
        assertEquals(11, programs.size());
        for (String source : programs) {
            Backends molang = world(source);
            assertEquals(0, molang.number(source), "a program without return yields 0: " + source);
            for (MolangContext context : molang.contexts()) {
                for (MolangValue value : context.variables().snapshot().values()) {
                    assertTrue(value instanceof MolangValue.Number(double n) && Double.isFinite(n), source);
                }
            }
        }
        System.out.printf("molang corpus: %d of %d programs of molang-programs.txt compiled and ran in every backend%n",
                programs.size(), programs.size());
    }

    @Test
    void withoutQueriesEveryExpressionStillCompilesItsQueriesReadingZero() {
        Molang bare = Molang.builder().build();
        int reported = 0;
        for (String source : concat(expressions, programs)) {
            if (NOT_MOLANG.containsKey(source)) {
                continue;
            }
            MolangExpression expression = bare.compile(source);
            reported += expression.diagnostics().size();
            MolangValue value = expression.evaluateValue(bare.newContext("entity", bare.newVariables()));
            assertTrue(value instanceof MolangValue.Number || value instanceof MolangValue.Text, source);
        }
        assertTrue(reported > 200, reported + " unknown queries reported");
    }

    private void check(double expected, String source) {
        assertTrue(expressions.contains(source) || programs.contains(source), "in the corpus: " + source);
        assertEquals(expected, world(source).number(source), 1e-9, source);
    }

    private void check(MolangValue expected, String source) {
        assertTrue(expressions.contains(source), "in the corpus: " + source);
        assertEquals(expected, world(source).value(source), source);
    }

    private void checkVariables(String source, Map<String, Double> expected) {
        assertTrue(expressions.contains(source) || programs.contains(source), "in the corpus: " + source);
        Backends molang = world(source);
        molang.number(source);
        for (MolangContext context : molang.contexts()) {
            expected.forEach((name, value) -> assertEquals(value, context.variables().number(name), 1e-9,
                    name + " after " + source));
        }
    }

    @Test
    void valuesCheckedByHand() {
        check(5, "query.last_hit_by_player ? 5 : 0");
        check(0.02, "query.is_baby ? 0.02 : 0.001");
        check(-1.25, "math.clamp(-5.0 * (query.anim_time / 2.0), -5.0, 0)");
        check(6.25, "math.clamp(25.0 * (query.anim_time / 2.0), 0, 25.0)");
        check(-3.5, "query.vertical_speed * -7.0");
        check(179.5, "180.0f - query.target_y_rotation");
        check(-10.5, "-9 - 2 * query.standing_scale - this");
        check(0, "(query.standing_scale > 1) ? (query.standing_scale * 81) - this : 0");
        check(430, "variable.particle_random_1 * 360 + variable.particle_age * 500");
        check(10, "8 + math.floor(variable.particle_random_1 * 5.999)");
        check(14, "math.floor(v.particle_random_1 * 4) * 7");
        check(5, "v.particle_random_4 > 0.5 ? -5 : 5");
        check(0, "query.is_in_water_or_rain == 0");
        check(0, "!c.is_first_person");
        check(1, "context.is_first_person == 1.0");
        check(1, "q.block_state('minecraft:cardinal_direction') == 'north'");
        check(0, "q.block_state('minecraft:cardinal_direction') == 'south'");
        check(1, "query.block_state('demo:direction') == 1 && query.block_state('demo:jumbo') == false");
        check(0, "query.block_state('demo:direction') == 1 && query.block_state('demo:jumbo') == true");
        check(1, "query.get_equipped_item_name == 'crossbow' && query.item_is_charged");
        check(1, "query.get_equipped_item_name(0, 1) != 'map'");
        check(1.40625, "variable.shulker.peekamount > 0.3 ? math.pow(variable.shulker.lidrotationfactor, 4) * 22.5 : 0.0");
        check(45, "math.lerprotate(0.0, 90.0, variable.liedownamount)");
        check(1.5, "variable.liedownamount * -4.5 + variable.lieonplayer * (4.5 + query.is_baby * 6)");
        check(Math.cos(Math.toRadians(0.5 * 38.17 + 180.0)) * 57.3 * 0.5,
                "math.cos(query.modified_distance_moved * 38.17 + 180.0) * 57.3 * query.modified_move_speed");
        check(0.25, "0.1 + variable.particle_age * 0.3f");
        check(0.525, "context.other->query.remaining_durability + 0.05 * context.other->query.max_durability");
        check(0, "C.C");
        check(0, "Array.variant[ query.variant ]");
        check(1, "query.property('mikeamm_gwve:state') == 'active'");
        check(0, "q.property('minecraft:shape') == 'shapeshifter'");
        check(0, "variable.num_professions = 15;");
        check(new MolangValue.Text("material.enchanted"),
                "variable.is_enchanted ? material.enchanted : material.default");
        check(new MolangValue.Text("rightitem"), "q.item_slot_to_bone_name(c.item_slot)");
        check(new MolangValue.Text("texture.variant_b"), "Texture.variant_b");
    }

    @Test
    void randomExpressionsStayInTheirRanges() {
        for (int i = 0; i < 50; i++) {
            double r = world("").number("(Math.random(0, 1) + Math.random(0, 1) + 1) * 0.55");
            assertTrue(r >= 0.55 && r < 1.65, "r = " + r);
            double loot = world("").number("query.last_hit_by_player ? 12 + (query.equipment_count * Math.Random(1,3)) : 0");
            assertTrue(loot >= 12.5 && loot < 13.5, "loot = " + loot);
        }
    }

    @Test
    void programsSetTheirVariables() {
        checkVariables("variable.runtimeid = 0; variable.tailrotx = -5.0; variable.wingrotz = 0.0;",
                Map.of("runtimeid", 0.0, "tailrotx", -5.0, "wingrotz", 0.0));
        checkVariables(programs.stream().filter(p -> p.startsWith("variable.Shulker.LidPositionFactor")).findFirst()
                .orElseThrow(), Map.of("shulker.lidpositionfactor", 180.0, "Shulker.UpFacing", 0.0,
                "shulker.xoffset", 0.0, "shulker.yoffset", 0.0));
        checkVariables("variable.charge_amount = math.clamp((query.main_hand_item_max_duration - "
                + "(query.main_hand_item_use_duration - query.frame_alpha + 1.0)) / 10.0, 0.0, 1.0f); "
                + "variable.bow_tex_idx = query.main_hand_item_use_duration == 0.0f ? 0 : "
                + "variable.charge_amount / 0.5f + 1;", Map.of("charge_amount", 0.0, "bow_tex_idx", 1.0));
        checkVariables("variable.num_professions = 15; variable.num_tiers = 3; variable.profession_index = "
                + "(query.variant < variable.num_professions ? query.variant : 0); "
                + "variable.level_index = query.trade_tier;",
                Map.of("num_professions", 15.0, "num_tiers", 3.0, "profession_index", 0.5, "level_index", 0.5));
    }
}
