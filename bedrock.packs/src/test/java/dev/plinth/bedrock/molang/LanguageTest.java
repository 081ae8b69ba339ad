package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Molang language as Bedrock runs it, evaluated by every backend (which must agree). */
class LanguageTest {

    private final Mob mob = new Mob();
    private Backends molang;

    @BeforeEach
    void setUp() {
        molang = new Backends(Mob.queries(), mob);
    }

    private double eval(String source) {
        return molang.number(source);
    }

    private MolangValue value(String source) {
        return molang.value(source);
    }

    @Nested
    class Literals {
        @Test
        void numbersMayHaveAFloatSuffixOrStartWithADot() {
            assertEquals(1, eval("1"));
            assertEquals(1.5, eval("1.5"));
            assertEquals(1.0, eval("1.0f"));
            assertEquals(0.3, eval("0.3f"));
            assertEquals(2, eval("2F"));
            assertEquals(0.5, eval(".5"));
        }

        /** Short decimals are read without Double.parseDouble: the value must still be the nearest double. */
        @Test
        void decimalLiteralsReadAsTheNearestDouble() {
            var random = new SplittableRandom(14);
            for (int i = 0; i < 2000; i++) {
                int digits = 1 + random.nextInt(18);
                var text = new StringBuilder();
                for (int d = 0; d < digits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
                text.insert(random.nextInt(digits + 1), '.');
                String literal = text.toString();
                if (literal.equals(".")) {
                    continue;
                }
                assertEquals(Double.parseDouble(literal), eval(literal), 0, literal);
            }
            assertEquals(0.1 + 0.2, eval("0.1 + 0.2"), 0);
            assertEquals(123456789012345.0, eval("123456789012345"), 0);
            assertEquals(Double.parseDouble("0.1234567890123456789"), eval("0.1234567890123456789"), 0);
        }

        @Test
        void trueAndFalseAreOneAndZeroInAnyCase() {
            assertEquals(2, eval("true + TRUE"));
            assertEquals(0, eval("False"));
        }

        @Test
        void stringsKeepTheirCaseAndYieldZeroAsNumbers() {
            assertEquals(new MolangValue.Text("Hello World"), value("'Hello World'"));
            assertEquals(0, eval("'abc'"));
        }

        @Test
        void resourceReferencesAreKeptAsLowerCaseNames() {
            assertEquals(new MolangValue.Text("texture.default"), value("Texture.default"));
            assertEquals(new MolangValue.Text("geometry.default"), value("Geometry.Default"));
            assertEquals(new MolangValue.Text("material.default"),
                    value("variable.is_enchanted ? material.enchanted : material.default"));
        }
    }

    @Nested
    class Operators {
        @Test
        void arithmeticFollowsTheUsualPrecedence() {
            assertEquals(7, eval("1 + 2 * 3"));
            assertEquals(9, eval("(1 + 2) * 3"));
            assertEquals(3, eval("10 - 4 - 3"));
            assertEquals(1, eval("8 / 4 / 2"));
            assertEquals(-6, eval("-2 * 3"));
            assertEquals(-5, eval("- 3 - 2"));
            assertEquals(-6, eval("2 * -3"));
            assertEquals(Double.POSITIVE_INFINITY, eval("1 / 0"));
        }

        @Test
        void comparisonsYieldOneOrZero() {
            assertEquals(1, eval("1 < 2"));
            assertEquals(1, eval("2 <= 2"));
            assertEquals(0, eval("3 > 4"));
            assertEquals(1, eval("3 >= 3"));
            assertEquals(1, eval("1 == 1.0"));
            assertEquals(0, eval("1 != 1"));
            assertEquals(1, eval("1 + 1 == 2"));
            assertEquals(1, eval("1 < 2 == 1"));
        }

        @Test
        void logicShortCircuitsAndAndBindsTighterThanOr() {
            assertEquals(0, eval("1 && 0"));
            assertEquals(1, eval("0 || 3"));
            assertEquals(1, eval("1 || 0 && 0"));
            assertEquals(1, eval("!0"));
            assertEquals(0, eval("!5"));
            assertEquals(1, eval("!!2"));
            assertEquals(0, eval("q.health < 0 && (v.touched = 1)"));
            assertEquals(1, eval("q.health > 0 || (v.touched = 1)"));
            assertEquals(7, eval("v.touched ?? 7"));
        }

        @Test
        void theConditionalIsRightAssociativeAndLooserThanOr() {
            assertEquals(2, eval("1 ? 2 : 3"));
            assertEquals(3, eval("0 ? 2 : 3"));
            assertEquals(3, eval("0 ? 1 : 0 ? 2 : 3"));
            assertEquals(6, eval("1 ? 0 ? 5 : 6 : 7"));
            assertEquals(5, eval("0 || 1 ? 5 : 6"));
            assertEquals(1, eval("q.is_angry ? 1.0 : 0.0"));
        }

        @Test
        void theBinaryConditionalYieldsZeroWhenFalse() {
            assertEquals(0, eval("q.health < 0 ? 5"));
            assertEquals(5, eval("q.health > 0 ? 5"));
        }

        @Test
        void nullCoalescingReplacesWhatIsMissing() {
            assertEquals(4, eval("v.unset ?? 4"));
            assertEquals(2, eval("v.set = 2; return v.set ?? 4;"));
            assertEquals(15, eval("q.health ?? 3"));
            assertEquals(9, eval("t.a ?? 9"));
            assertEquals(3, eval("v.none ?? 1 + 2"));
            assertEquals(1, eval("v.none ?? 0 || 1"));
            assertEquals(5, eval("q.block_state('no:such') ?? 5"));
        }
    }

    @Nested
    class Queries {
        @Test
        void queriesReadTheHostsEntity() {
            assertEquals(0.75, eval("q.health / q.max_health"));
            assertEquals(15, eval("Query.Health"));
            assertEquals(1.0, eval("math.sin(q.life_time * 360) * 0.5 + 0.5"));
            mob.lifeTime = 0;
            assertEquals(0.5, eval("math.sin(query.life_time * 360) * 0.5 + 0.5"));
        }

        @Test
        void argumentsArePassedAsNumbersAndStrings() {
            assertEquals(10, eval("q.position(1)"));
            assertEquals(1, eval("q.get_equipped_item_name == 'bow'"));
            assertEquals(1, eval("q.get_equipped_item_name('off_hand') == 'shield'"));
            assertEquals(1, eval("query.get_equipped_item_name(0, 1) != 'map'"));
            assertEquals(new MolangValue.Text("bow"), value("q.get_equipped_item_name"));
            assertEquals(new MolangValue.Text("shield"),
                    value("t.slot = 'off_hand'; return q.get_equipped_item_name(t.slot);"));
            assertEquals(20, eval("t.axis = 2; return q.position(t.axis);"));
        }

        @Test
        void aQueryMayYieldNumbersOrStringsDependingOnItsArguments() {
            assertEquals(1, eval("query.block_state('demo:direction') == 2 && query.block_state('demo:jumbo') == true"));
            assertEquals(1, eval("q.block_state('minecraft:facing_direction') == 'north'"));
            assertEquals(0, eval("q.block_state('minecraft:facing_direction') == 'up' "
                    + "|| q.block_state('minecraft:facing_direction') == 'down'"));
            assertEquals(1, eval("q.block_state('no:such') == 0"));
            assertEquals(0, eval("q.block_state('minecraft:facing_direction') == 0"));
        }

        @Test
        void anUnknownQueryIsZeroAndReportedOncePerExpression() {
            assertEquals(4, eval("q.is_dancing ? 3 : 4"));
            assertEquals(List.of(new MolangDiagnostic(1, 9, "unknown query 'query.is_dancing' evaluates to 0")),
                    molang.diagnostics("1 + 2 * q.is_dancing + Query.Is_Dancing"));
            assertEquals(List.of(), molang.diagnostics("q.health"));
        }

        @Test
        void aThrowingQueryFailsTheEvaluationNamingIt() {
            MolangException e = molang.failure("1 + q.explodes");
            assertEquals(MolangErrorCode.QUERY_FAILED, e.code());
            assertEquals("molang: 1:5: query.explodes failed: java.lang.IllegalStateException: boom "
                    + "in \"1 + q.explodes\"", e.getMessage());
            assertTrue(e instanceof MolangEvaluationException);
        }
    }

    @Nested
    class Variables {
        @Test
        void variablesAreKeptPerEntityAcrossEvaluations() {
            assertEquals(0, eval("v.x = 3;"));
            assertEquals(3, eval("v.x"));
            assertEquals(6, eval("variable.x * 2"));
            assertEquals(3, eval("V.X"));
            assertEquals(4, eval("v.x = v.x + 1"));
            for (MolangContext context : molang.contexts()) {
                assertEquals(4, context.variables().number("x"));
                assertEquals(4, context.variables().number("variable.X"));
            }
        }

        @Test
        void structMembersAreNamesWithDots() {
            assertEquals(3, eval("v.dance.x = 1; v.dance.y = 2; return v.dance.x + v.dance.y;"));
            assertEquals(1, eval("variable.Dance.X"));
        }

        @Test
        void variablesHoldStringsToo() {
            assertEquals(1, eval("v.name = 'abc'; return v.name == 'abc';"));
            assertEquals(new MolangValue.Text("abc"), value("v.name"));
            assertEquals(0, eval("v.name"));
            assertEquals(0, eval("v.name == 0"));
        }

        @Test
        void aVariableChangesKindAndKeepsEveryNumberExactly() {
            assertEquals(new MolangValue.Text("abc"), value("v.k = 2; v.k = 'abc'; return v.k;"));
            assertEquals(new MolangValue.Number(-2.5), value("v.k = -2.5; return v.k;"));
            assertEquals(1, eval("v.k == -2.5"));
            assertEquals(new MolangValue.Text("y"), value("v.k = 'x'; v.k = 1; v.k = 'y'; return v.k ?? 'none';"));
            assertEquals(new MolangValue.Text("none"), value("v.unset_k ?? 'none'"));
            MolangContext context = molang.contexts().getFirst();
            context.variables().set("k", Double.NaN);
            assertTrue(Double.isNaN(context.variables().number("k")));
            context.variables().set("k", -0.0);
            assertEquals(Double.NEGATIVE_INFINITY, 1 / context.variables().number("k"));
            context.variables().set("k", Double.MAX_VALUE);
            assertEquals(Double.MAX_VALUE, molang.runtimes().getFirst().compile("v.k").evaluate(context));
        }

        @Test
        void everyNaNAHostStoresIsANumberNeverAnEmptyOrTextSlot() {
            // NaNs with any payload, signalling ones included: the store marks unset and text slots with such bits
            for (long bits : new long[] {0x7ff0_0000_0000_0001L, 0x7ff0_0000_0000_0002L, 0xfff0_0000_0000_0001L,
                    0x7ff8_0000_0000_0000L, 0x7fff_ffff_ffff_ffffL}) {
                String hex = Long.toHexString(bits);
                for (MolangContext context : molang.contexts()) {
                    context.variables().set("k", new MolangValue.Text("x"));
                    context.variables().set("k", Double.longBitsToDouble(bits));
                    assertTrue(Double.isNaN(context.variables().number("k")), hex);
                    assertTrue(context.variables().value("k").orElseThrow() instanceof MolangValue.Number, hex);
                }
                assertTrue(Double.isNaN(eval("v.k ?? 5")), hex);
                assertTrue(Double.isNaN(eval("v.k + 1")), hex);
            }
        }

        @Test
        void manyVariablesKeepTheirValuesInFieldSlotsAndArrayCells() {
            // the store keeps its first slots in fields and the rest in an array: 40 variables use both
            var program = new StringBuilder();
            var sum = new StringBuilder("return 0");
            for (int i = 0; i < 40; i++) {
                program.append("v.a").append(i).append(" = ").append(i).append("; ");
                sum.append(" + v.a").append(i);
            }
            assertEquals(780, eval(program + "v.a17 = 'text'; v.a17 = 17; " + sum + ";"));
            assertEquals(new MolangValue.Text("x"), value("v.a15 = 'x'; v.a16 = 'y'; return v.a15;"));
            assertEquals(new MolangValue.Text("y"), value("v.a16"));
            for (MolangContext context : molang.contexts()) {
                MolangVariables variables = context.variables();
                assertEquals(39, variables.number("a39"));
                assertEquals(40, variables.snapshot().size());
                variables.remove("a15");
                assertTrue(variables.value("a15").isEmpty());
                variables.clear();
                assertTrue(variables.snapshot().isEmpty());
            }
            assertEquals(-1, eval("v.a0 ?? -1"));
            assertEquals(-1, eval("v.a39 ?? -1"));
        }

        @Test
        void aNaNThatAnExpressionStoresIsANumberInEverySlot() {
            for (int i = 0; i < 20; i++) {
                eval("v.filler" + i + " = 1");
            }
            for (String name : new String[] {"v.filler0", "v.filler19", "v.fresh"}) {
                assertTrue(Double.isNaN(eval(name + " = 'x'; " + name + " = math.sqrt(-1); return " + name
                        + " ?? 5;")), name);
                assertEquals(1, eval(name + " = (1 > 0) ? 1 : 0; return " + name + " ?? 5;"), name);
                assertTrue(value(name) instanceof MolangValue.Number, name);
            }
        }

        @Test
        void temporariesLastOneEvaluation() {
            assertEquals(6, eval("t.a = 2; t.b = t.a * 3; return t.b;"));
            assertEquals(-1, eval("temp.b ?? -1"));
            assertEquals(new MolangValue.Text("x"), value("t.s = 'x'; return t.s;"));
        }

        @Test
        void contextValuesComeFromTheCall() {
            for (MolangContext context : molang.contexts()) {
                context.setContext("is_first_person", 1);
            }
            assertEquals(1, eval("c.is_first_person"));
            assertEquals(1, eval("context.is_first_person == 1.0"));
            assertEquals(new MolangValue.Text("none"), value("c.item_slot ?? 'none'"));
            assertEquals(MolangErrorCode.NOT_ASSIGNABLE, molang.failure("c.is_first_person = 0").code());
        }

        @Test
        void thisIsTheValueTheHostGives() {
            for (MolangContext context : molang.contexts()) {
                context.setThisValue(5);
            }
            assertEquals(10, eval("this * 2"));
            assertEquals(-5, eval("-this"));
            assertEquals(-7, eval("- this - 2"));
        }

        @Test
        void theHostReadsAndWritesTheStore() {
            MolangContext context = molang.contexts().getFirst();
            MolangVariables variables = context.variables();
            variables.set("v.hp", 3);
            variables.set("label", new MolangValue.Text("boss"));
            assertEquals(6, molang.runtimes().getFirst().compile("v.hp * 2").evaluate(context));
            assertEquals(java.util.Optional.of(new MolangValue.Text("boss")), variables.value("LABEL"));
            assertEquals(java.util.Map.of("hp", new MolangValue.Number(3), "label", new MolangValue.Text("boss")),
                    variables.snapshot());
            variables.remove("hp");
            assertEquals(java.util.Optional.empty(), variables.value("hp"));
            variables.clear();
            assertEquals(java.util.Map.of(), variables.snapshot());
        }
    }

    @Nested
    class Statements {
        @Test
        void aSimpleExpressionYieldsItsValueAndAProgramItsReturn() {
            assertEquals(5, eval("return 5"));
            assertEquals(2, eval("v.a = 1; return v.a + 1;"));
            assertEquals(0, eval("v.a = 1;"));
            assertEquals(0, eval("1; 2"));
            assertEquals(0, eval("5;"));
            assertEquals(0, eval("Math.random(0, 0.13);"));
            assertEquals(0, eval(""));
            assertEquals(1, eval("return 1; v.after = 1;"));
            assertEquals(-1, eval("v.after ?? -1"));
        }

        @Test
        void blocksGroupStatements() {
            assertEquals(3, eval("{ v.b = 1; v.c = 2; }; return v.b + v.c;"));
            assertEquals(1, eval("{ v.d = 1; } return v.d;"));
            assertEquals(5, eval("t.x = 0; 1 ? { t.x = 5; } : { t.x = 6; }; return t.x;"));
            assertEquals(6, eval("t.x = 0; q.health < 0 ? { t.x = 5; } : { t.x = 6; }; return t.x;"));
        }

        @Test
        void loopRunsItsBodyAtMost1024Times() {
            assertEquals(10, eval("t.i = 0; loop(10, { t.i = t.i + 1; }); return t.i;"));
            assertEquals(1024, eval("t.i = 0; loop(5000, { t.i = t.i + 1; }); return t.i;"));
            assertEquals(2, eval("t.i = 0; loop(2.7, { t.i = t.i + 1; }); return t.i;"));
            assertEquals(0, eval("t.i = 0; loop(-3, { t.i = t.i + 1; }); return t.i;"));
        }

        @Test
        void breakAndContinueAffectTheInnermostLoop() {
            assertEquals(4, eval("t.i = 0; loop(10, { t.i = t.i + 1; t.i >= 4 ? break; }); return t.i;"));
            assertEquals(12, eval("t.s = 0; t.i = 0; loop(5, { t.i = t.i + 1; t.i == 3 ? continue; "
                    + "t.s = t.s + t.i; }); return t.s;"));
            assertEquals(6, eval("t.n = 0; loop(3, { loop(10, { t.n = t.n + 1; math.mod(t.n, 2) == 0 ? break; }); });"
                    + " return t.n;"));
            assertEquals(7, eval("loop(10, { return 7; }); return 1;"));
        }

        @Test
        void forEachWalksAnArrayOfEntities() {
            for (int i = 0; i < molang.runtimes().size(); i++) {
                Molang runtime = molang.runtimes().get(i);
                mob.nearby.put(molang.contexts().get(i), List.of(other(runtime, 3), other(runtime, 4)));
            }
            assertEquals(7, eval("t.sum = 0; for_each(t.e, q.get_nearby_entities(8), { t.sum = t.sum + t.e->q.health; });"
                    + " return t.sum;"));
            assertEquals(4, eval("v.last = 0; for_each(v.e, q.get_nearby_entities(8), { v.last = v.e->q.health; });"
                    + " return v.last;"));
            assertEquals(3, eval("t.first = 0; for_each(t.e, q.get_nearby_entities(8), { t.first = t.e->q.health; "
                    + "break; }); return t.first;"));
            assertEquals(0, eval("t.n = 0; for_each(t.e, q.health, { t.n = t.n + 1; }); return t.n;"));
        }

        @Test
        void theArrowEvaluatesInAnotherEntitysContext() {
            MolangContext[] others = new MolangContext[molang.runtimes().size()];
            for (int i = 0; i < others.length; i++) {
                Molang runtime = molang.runtimes().get(i);
                Mob otherMob = new Mob();
                otherMob.health = 4;
                others[i] = runtime.newContext(otherMob, runtime.newVariables());
                others[i].variables().set("mark", 6);
                molang.contexts().get(i).setContext("other", new MolangValue.Entity(others[i]));
            }
            assertEquals(5, eval("context.other->query.health + 1"));
            assertEquals(6, eval("c.other->v.mark"));
            assertEquals(15, eval("c.other->q.health; return q.health;"));
            assertEquals(0, eval("c.missing->q.health"));
            assertEquals(9, eval("c.missing->q.health ?? 9"));
            assertEquals(0, eval("v.number = 3; return v.number->q.health;"));
        }

        private MolangContext other(Molang runtime, double health) {
            Mob other = new Mob();
            other.health = health;
            return runtime.newContext(other, runtime.newVariables());
        }
    }

    @Nested
    class Arrays {
        private final java.util.Map<String, List<MolangValue>> arrays = java.util.Map.of("Array.skins", List.of(
                new MolangValue.Text("texture.a"), new MolangValue.Text("texture.b"), new MolangValue.Text("texture.c")));

        private MolangValue element(String source) {
            MolangValue first = null;
            for (int i = 0; i < molang.runtimes().size(); i++) {
                Molang runtime = molang.runtimes().get(i);
                try (MolangScope scope = runtime.scope("render", Mob.queries())) {
                    MolangValue v = scope.compile(source, arrays).evaluateValue(molang.contexts().get(i));
                    if (first == null) {
                        first = v;
                    }
                    assertEquals(first, v, source);
                }
            }
            return first;
        }

        @Test
        void anIndexIsRoundedDownClampedAtZeroAndWrapsAround() {
            assertEquals(new MolangValue.Text("texture.b"), element("array.skins[1]"));
            assertEquals(new MolangValue.Text("texture.b"), element("Array.Skins[ 1.7 ]"));
            assertEquals(new MolangValue.Text("texture.c"), element("array.skins[5]"));
            assertEquals(new MolangValue.Text("texture.a"), element("array.skins[-1]"));
            assertEquals(new MolangValue.Text("texture.c"), element("v.index = 2; return array.skins{v.index};"));
            assertEquals(new MolangValue.Text("texture.b"), element("array.skins[q.health > 0]"));
        }

        @Test
        void anUnknownArrayIsZeroAndReported() {
            assertEquals(MolangValue.ZERO, value("array.nothing[2]"));
            assertEquals("unknown array 'array.nothing' evaluates to 0",
                    molang.diagnostics("array.nothing[2]").getFirst().message());
        }
    }
}
