package dev.plinth.bedrock.molang;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes random Molang for the fuzz test: mostly well-formed programs from the grammar (every namespace and alias in
 * random letter case, functions with right and wrong argument counts, queries, arrows, loops, blocks, misplaced
 * jumps and assignments), then, often, broken by character edits, truncation or deep nesting.
 *
 * <p>Not thread-safe.
 */
final class RandomMolang {

    private static final List<String> NUMBER_QUERIES = List.of("health", "max_health", "life_time", "is_angry",
            "position", "explodes", "unknown_thing");
    private static final List<String> FUNCTIONS = List.of("abs", "sin", "cos", "clamp", "lerp", "lerprotate", "pow",
            "mod", "min", "max", "floor", "round", "trunc", "sqrt", "pi", "random", "random_integer", "die_roll",
            "die_roll_integer", "hermite_blend", "min_angle", "atan2", "ease_in_out_back", "ease_out_bounce", "ln",
            "exp", "nope");
    private static final List<String> OPERATORS = List.of("+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=",
            "&&", "||", "??");
    private static final String NOISE = "()[]{};:,.?!=<>&|+-*/'\"#$\\@ \t\n0123456789abcxyzqvtAé\u0000\uD83D\u00A0";

    private final SplittableRandom random;

    RandomMolang(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next source to try. */
    String next() {
        String program = program();
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> mutate(program);
            case 3 -> program.substring(0, random.nextInt(program.length() + 1));
            case 4 -> nest(program);
            default -> program;
        };
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private String cased(String word) {
        return switch (random.nextInt(4)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
            default -> word;
        };
    }

    private String program() {
        int statements = random.nextInt(5);
        if (statements == 0) {
            return expression(3, false);
        }
        var out = new StringBuilder();
        for (int i = 0; i < statements; i++) {
            out.append(statement(3, false)).append(chance(90) ? "; " : " ");
        }
        return out.toString();
    }

    private String statement(int depth, boolean inLoop) {
        return switch (random.nextInt(12)) {
            case 0 -> cased("return") + " " + expression(depth, inLoop);
            case 1 -> chance(70) && !inLoop ? "loop(" + expression(1, false) + ", {" + statement(depth - 1, true)
                    + "; " + statement(depth - 1, true) + ";})" : cased("break");
            case 2 -> "for_each(" + assignable() + ", q.get_nearby_entities(8), {" + statement(depth - 1, true)
                    + ";})";
            case 3 -> inLoop || chance(10) ? cased(chance(50) ? "break" : "continue") : "{}";
            case 4 -> "{" + statement(depth - 1, inLoop) + "; " + statement(depth - 1, inLoop) + ";}";
            case 5 -> expression(depth, inLoop) + " ? " + statement(depth - 1, inLoop)
                    + (chance(50) ? " : " + statement(depth - 1, inLoop) : "");
            default -> (chance(95) ? assignable() : expression(1, inLoop)) + " = " + expression(depth, inLoop);
        };
    }

    private String assignable() {
        return cased(pick(List.of("v", "variable", "t", "temp"))) + "." + pick(List.of("x", "y", "dance.x", "e"));
    }

    private String variable() {
        String namespace = pick(List.of("v", "variable", "t", "temp", "c", "context"));
        String name = pick(List.of("x", "y", "attack_time", "dance.x", "e", "n"));
        return cased(namespace) + "." + name;
    }

    private String expression(int depth, boolean inLoop) {
        if (depth <= 0) {
            return leaf();
        }
        return switch (random.nextInt(14)) {
            case 0, 1 -> expression(depth - 1, inLoop) + " " + pick(OPERATORS) + " " + expression(depth - 1, inLoop);
            case 2 -> "(" + expression(depth - 1, inLoop) + ")";
            case 3 -> (chance(50) ? "-" : "!") + expression(depth - 1, inLoop);
            case 4 -> expression(depth - 1, inLoop) + " ? " + expression(depth - 1, inLoop)
                    + (chance(70) ? " : " + expression(depth - 1, inLoop) : "");
            case 5 -> function(depth, inLoop);
            case 6 -> query(depth);
            case 7 -> "c.other->" + (chance(50) ? query(0) : variable());
            case 8 -> "array.skins[" + expression(depth - 1, inLoop) + "]";
            case 9 -> inLoop && chance(30) ? "(" + expression(0, true) + " ? break : 1)" : leaf();
            default -> leaf();
        };
    }

    private String function(int depth, boolean inLoop) {
        int arguments = random.nextInt(4);
        var out = new StringBuilder(cased("math") + "." + pick(FUNCTIONS));
        if (arguments > 0 || chance(50)) {
            out.append('(');
            for (int i = 0; i < arguments; i++) {
                out.append(i > 0 ? ", " : "").append(expression(depth - 1, inLoop));
            }
            out.append(')');
        }
        return out.toString();
    }

    private String query(int depth) {
        return switch (random.nextInt(5)) {
            case 0 -> cased("q") + ".get_equipped_item_name" + (chance(50) ? "('off_hand')" : "");
            case 1 -> "q.block_state('" + pick(List.of("demo:direction", "demo:jumbo", "minecraft:facing_direction",
                    "none")) + "')";
            case 2 -> cased("query") + ".position(" + (depth > 0 ? expression(depth - 1, false) : "1") + ")";
            default -> cased(chance(50) ? "q" : "query") + "." + pick(NUMBER_QUERIES);
        };
    }

    private String leaf() {
        return switch (random.nextInt(9)) {
            case 0 -> Integer.toString(random.nextInt(2000) - 1000);
            case 1 -> random.nextDouble() * 100 + (chance(30) ? "f" : "");
            case 2 -> "'" + pick(List.of("bow", "shield", "north", "", "X y")) + "'";
            case 3 -> cased(pick(List.of("true", "false", "this")));
            case 4 -> cased(pick(List.of("texture", "geometry", "material"))) + ".default";
            case 5 -> query(0);
            default -> variable();
        };
    }

    private String mutate(String source) {
        var out = new StringBuilder(source);
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(out.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> out.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 1 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    int end = Math.min(out.length(), at + random.nextInt(8));
                    out.insert(at, out.substring(at, end));
                }
                default -> out.insert(at, pick(List.of("(", ")", "{", "}", "'", ";", "->", "??", "q.", "loop(")));
            }
        }
        return out.toString();
    }

    private String nest(String source) {
        int depth = random.nextInt(200);
        return switch (random.nextInt(5)) {
            case 0 -> "(".repeat(depth) + source + ")".repeat(depth);
            case 1 -> "-".repeat(depth) + "1";
            case 2 -> "1" + " + 1".repeat(depth * 4);
            case 3 -> "loop(" + depth * 8 + ", { loop(" + depth * 8 + ", { t.x = (t.x ?? 0) + q.position(1); }); "
                    + "}); return t.x;";
            default -> "{".repeat(depth) + source + "}".repeat(depth);
        };
    }
}
