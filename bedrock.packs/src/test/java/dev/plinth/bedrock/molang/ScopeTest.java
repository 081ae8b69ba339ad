package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scopes own their expressions: a closed scope stops them, and runtimes do not mix. */
class ScopeTest {

    @Test
    void aClosedScopeRefusesToCompileAndItsExpressionsStop() {
        Molang molang = Molang.builder().build();
        MolangScope scope = molang.scope("pack-a", Mob.queries());
        MolangExpression expression = scope.compile("q.health * 2");
        MolangContext context = molang.newContext(new Mob(), molang.newVariables());
        // often enough for the JIT to compile it: compiled classes check the open scope through a switch point the
        // JIT relies on, and closing must stop the compiled code too (the code relying on it is dropped)
        double sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += expression.evaluate(context);
        }
        assertEquals(200_000 * 30.0, sum);

        scope.close();
        assertTrue(scope.isClosed());
        MolangEvaluationException e = assertThrows(MolangEvaluationException.class,
                () -> expression.evaluate(context));
        assertEquals(MolangErrorCode.UNAVAILABLE, e.code());
        assertEquals("molang: 1:1: the scope 'pack-a' is closed in \"q.health * 2\"", e.getMessage());
        assertThrows(IllegalStateException.class, () -> scope.compile("1"));
        Molang another = Molang.builder().build();
        MolangContext foreign = another.newContext(new Mob(), another.newVariables());
        assertEquals(MolangErrorCode.UNAVAILABLE,
                assertThrows(MolangEvaluationException.class, () -> expression.evaluate(foreign)).code());
        scope.close();
    }

    @Test
    void aTextCompiledBeforeInTheScopeGivesTheSameExpression() {
        Molang molang = Molang.builder().build();
        try (MolangScope scope = molang.scope("pack", Mob.queries())) {
            MolangExpression first = scope.compile("q.health * 2");
            assertTrue(first == scope.compile("q.health * 2"));
            assertTrue(first != scope.compile("q.health * 3"));
            assertTrue(first != molang.scope("other", Mob.queries()).compile("q.health * 2"));
        }
    }

    @Test
    void eachScopeHasItsOwnQueriesButSharesTheEntitysVariables() {
        Molang molang = Molang.builder().build();
        MolangScope withHealth = molang.scope("a", Mob.queries());
        MolangScope without = molang.scope("b", MolangQueries.none());
        MolangContext context = molang.newContext(new Mob(), molang.newVariables());
        withHealth.compile("v.hp = q.health;").evaluate(context);
        assertEquals(15, without.compile("v.hp").evaluate(context));
        assertEquals(0, without.compile("q.health").evaluate(context));
        assertEquals("a", withHealth.owner());
        assertEquals(MolangQueries.none(), without.queries());
    }

    @Test
    void contextsAndVariablesBelongToOneRuntime() {
        Molang one = Molang.builder().build();
        Molang two = Molang.builder().build();
        MolangContext context = two.newContext(new Object(), two.newVariables());
        MolangEvaluationException e = assertThrows(MolangEvaluationException.class,
                () -> one.compile("1").evaluate(context));
        assertEquals(MolangErrorCode.UNAVAILABLE, e.code());
        // a compiled (not folded) expression checks the context too, before it reads anything
        MolangContext mob = two.newContext(new Mob(), two.newVariables());
        MolangEvaluationException compiled = assertThrows(MolangEvaluationException.class,
                () -> one.scope("pack", Mob.queries()).compile("q.health * 2").evaluate(mob));
        assertEquals(MolangErrorCode.UNAVAILABLE, compiled.code());
        assertThrows(IllegalArgumentException.class, () -> one.newContext(new Object(), two.newVariables()));
    }

    @Test
    void anExpressionWithVariablesRefusesAContextOfAnotherRuntimeAndLeavesItsVariablesAlone() {
        Molang one = Molang.builder().build();
        Molang two = Molang.builder().build();
        MolangScope scope = one.scope("pack", Mob.queries());
        MolangExpression write = scope.compile("v.hp = q.health");
        MolangExpression read = scope.compile("v.hp * 2");
        MolangVariables own = one.newVariables();
        MolangContext context = one.newContext(new Mob(), own);
        // often enough for the JIT to compile both: expressions that use variable.* check the context by its
        // variable store, and the compiled check must refuse a foreign one as the interpreted one does
        double sum = 0;
        for (int i = 0; i < 200_000; i++) {
            write.evaluate(context);
            sum += read.evaluate(context);
        }
        assertEquals(200_000 * 30.0, sum);
        // the other runtime numbers its own names: its slot 0 is v.other, where this runtime keeps v.hp
        MolangVariables theirs = two.newVariables();
        MolangContext foreign = two.newContext(new Mob(), theirs);
        two.compile("v.other = 7").evaluate(foreign);
        assertEquals(MolangErrorCode.UNAVAILABLE,
                assertThrows(MolangEvaluationException.class, () -> write.evaluate(foreign)).code());
        MolangEvaluationException e = assertThrows(MolangEvaluationException.class, () -> read.evaluate(foreign));
        assertEquals("molang: 1:1: the context belongs to another Molang runtime in \"v.hp * 2\"", e.getMessage());
        assertEquals(Map.of("other", new MolangValue.Number(7)), theirs.snapshot());

        scope.close();
        assertEquals("molang: 1:1: the scope 'pack' is closed in \"v.hp = q.health\"",
                assertThrows(MolangEvaluationException.class, () -> write.evaluate(context)).getMessage());
        assertEquals(15, own.number("hp"));
    }

    @Test
    void queryNamesAreCheckedWhenRegistered() {
        assertThrows(IllegalArgumentException.class,
                () -> MolangQueries.builder().withNumber("not a name", (c, a) -> 0));
        var queries = MolangQueries.builder().withNumber("Query.Is_Baby", (c, a) -> 1).build();
        assertTrue(queries.find("q.is_baby").isPresent());
        assertTrue(queries.find("IS_BABY").isPresent());
        var more = queries.toBuilder().withText("name", (c, a) -> "x").build();
        assertEquals(2, more.queries().size());
    }
}
