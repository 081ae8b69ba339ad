package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error is coded and positioned, with the source quoted. */
class ErrorsTest {

    private Backends molang;

    @BeforeEach
    void setUp() {
        molang = new Backends(Mob.queries(), new Mob());
    }

    private void fails(String source, MolangErrorCode code, String message) {
        MolangException e = molang.failure(source);
        assertEquals(code, e.code(), source);
        assertEquals(message, e.getMessage());
    }

    @Test
    void aMissingParenthesisIsReportedWhereTheTextEnds() {
        MolangException e = molang.failure("math.sin(q.life_time * 360");
        assertEquals(MolangErrorCode.UNEXPECTED_END, e.code());
        assertEquals("molang: 1:27: expected ')' in \"math.sin(q.life_time * 360\"", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(27, e.column());
        assertEquals("expected ')'", e.detail());
        assertInstanceOf(MolangSyntaxException.class, e);
    }

    @Test
    void syntaxErrorsNameWhatWasExpectedAndFound() {
        fails("1 +", MolangErrorCode.UNEXPECTED_END, "molang: 1:4: expected an expression in \"1 +\"");
        fails("1 + * 2", MolangErrorCode.UNEXPECTED_TOKEN,
                "molang: 1:5: expected an expression, found '*' in \"1 + * 2\"");
        fails("1 2", MolangErrorCode.UNEXPECTED_TOKEN,
                "molang: 1:3: expected ';' or the end, found number 2 in \"1 2\"");
        fails("'abc", MolangErrorCode.UNTERMINATED_STRING, "molang: 1:1: the string is not closed with ' in \"'abc\"");
        fails("1 # 2", MolangErrorCode.UNEXPECTED_CHARACTER, "molang: 1:3: unexpected character '#' in \"1 # 2\"");
        fails("2x", MolangErrorCode.UNEXPECTED_CHARACTER, "molang: 1:2: unexpected 'x' after the number 2 in \"2x\"");
        fails("loop(2 { })", MolangErrorCode.UNEXPECTED_TOKEN,
                "molang: 1:8: expected ',', found '{' in \"loop(2 { })\"");
    }

    @Test
    void linesAndColumnsCountFromOne() {
        fails("v.x = 1;\nv.y = 2\nq.z(", MolangErrorCode.UNEXPECTED_TOKEN,
                "molang: 3:1: expected ';' or the end, found 'q' in \"v.x = 1;\\nv.y = 2\\nq.z(\"");
    }

    @Test
    void wordsOutsideTheNamespacesAreUnknownNames() {
        fails("Sword Singer (as a Record)", MolangErrorCode.UNKNOWN_NAME,
                "molang: 1:1: unknown name 'sword': names start with query., variable., temp., context., math., "
                        + "array., geometry., material. or texture. in \"Sword Singer (as a Record)\"");
        assertEquals(MolangErrorCode.UNKNOWN_NAME, molang.failure("foo.bar + 1").code());
    }

    @Test
    void onlyVariablesAndTemporariesCanBeAssigned() {
        fails("q.health = 3", MolangErrorCode.NOT_ASSIGNABLE,
                "molang: 1:1: only a variable. or temp. can be assigned in \"q.health = 3\"");
        assertEquals(MolangErrorCode.NOT_ASSIGNABLE, molang.failure("for_each(q.x, q.y, {})").code());
        assertEquals(MolangErrorCode.NOT_ASSIGNABLE, molang.failure("(1 + 2) = 3").code());
    }

    @Test
    void breakAndContinueBelongInLoops() {
        fails("v.x = 1; break;", MolangErrorCode.OUTSIDE_LOOP,
                "molang: 1:10: 'break' outside loop() or for_each() in \"v.x = 1; break;\"");
        assertEquals(MolangErrorCode.OUTSIDE_LOOP, molang.failure("q.health ? continue").code());
        assertEquals(MolangErrorCode.UNEXPECTED_TOKEN, molang.failure("1 + return").code());
    }

    @Test
    void tooLongOrTooDeepSourcesAreRefusedWithoutExhaustingTheStack() {
        assertEquals(MolangErrorCode.TOO_LARGE, molang.failure("(".repeat(200) + "1" + ")".repeat(200)).code());
        assertEquals(MolangErrorCode.TOO_LARGE, molang.failure("-".repeat(10_000) + "1").code());
        assertEquals(MolangErrorCode.TOO_LARGE, molang.failure("1" + "+1".repeat(2_000)).code());
        assertEquals(MolangErrorCode.TOO_LARGE, molang.failure("1".repeat(70_000)).code());
        assertEquals(301, molang.number("1" + "+1".repeat(300)));
        assertEquals(1, molang.number("(".repeat(100) + "1" + ")".repeat(100)));
    }

    @Test
    void nestedLoopsStopAtTheIterationLimit() {
        fails("loop(1024, { loop(1024, { t.x = 1; }); });", MolangErrorCode.ITERATION_LIMIT,
                "molang: 1:14: more than 65536 loop iterations in one evaluation "
                        + "in \"loop(1024, { loop(1024, { t.x = 1; }); });\"");
        assertInstanceOf(MolangEvaluationException.class, molang.failure("loop(1024, { loop(1024, {}); });"));
    }

    @Test
    void costlyQueriesTakeTheirCostFromTheIterationLimit() {
        var costly = Mob.queries().toBuilder().withCost("position", 100).build();
        assertEquals(100, costly.cost("Query.Position"));
        assertEquals(0, costly.cost("health"));
        var molang = new Backends(costly, new Mob());
        assertEquals(10, molang.number("q.position(1)"));
        assertEquals(6_000, molang.number("t.s = 0; loop(600, { t.s = t.s + q.position(1); }); return t.s;"));
        MolangException e = molang.failure("t.s = 0; loop(1000, { t.s = t.s + q.position(1); }); return t.s;");
        assertEquals(MolangErrorCode.ITERATION_LIMIT, e.code());
        assertEquals("more than 65536 loop iterations in one evaluation", e.detail());
        assertEquals(0, costly.toBuilder().withNumber("position", (c, a) -> 1).build().cost("position"),
                "a query registered again costs nothing until told");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MolangQueries.builder().withCost("nothing", 5).build());
    }

    @Test
    void theIterationLimitIsConfigurable() {
        Molang small = Molang.builder().withIterationLimit(10).build();
        MolangContext context = small.newContext(new Object(), small.newVariables());
        assertEquals(10, small.compile("t.i = 0; loop(10, { t.i = t.i + 1; }); return t.i;").evaluate(context));
        MolangException e = org.junit.jupiter.api.Assertions.assertThrows(MolangEvaluationException.class,
                () -> small.compile("loop(11, {});").evaluate(context));
        assertEquals(MolangErrorCode.ITERATION_LIMIT, e.code());
    }
}
