package dev.plinth.bedrock.molang.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.tree.Namespace;
import dev.plinth.bedrock.molang.internal.tree.Node;
import dev.plinth.bedrock.molang.internal.tree.Operator;
import org.junit.jupiter.api.Test;

/** Only nodes that cannot yield NaN count as never NaN: the compiler then skips making a NaN canonical. */
class NeverNaNTest {

    private static final Node ONE = new Node.Number(1);
    private static final Node NAN = new Node.Number(Double.NaN);
    private static final Node VARIABLE = new Node.Variable(Namespace.VARIABLE, "x", 0, 0);

    @Test
    void constantsAndTruthValuesAreNeverNaN() {
        assertTrue(NeverNaN.of(ONE));
        assertTrue(NeverNaN.of(new Node.Text("abc")));
        assertTrue(NeverNaN.of(new Node.Constant(new MolangValue.Number(2))));
        assertTrue(NeverNaN.of(new Node.Not(VARIABLE)));
        assertTrue(NeverNaN.of(new Node.Binary(Operator.LESS, VARIABLE, NAN)));
        assertTrue(NeverNaN.of(new Node.Binary(Operator.EQUAL, VARIABLE, VARIABLE)));
        assertTrue(NeverNaN.of(new Node.Conditional(VARIABLE, ONE, new Node.Negate(ONE))));
        assertTrue(NeverNaN.of(new Node.Conditional(VARIABLE, ONE, null)));
    }

    @Test
    void whatMayYieldNaNNeverCounts() {
        assertFalse(NeverNaN.of(NAN));
        assertFalse(NeverNaN.of(new Node.Constant(new MolangValue.Number(Double.NaN))));
        assertFalse(NeverNaN.of(VARIABLE));
        assertFalse(NeverNaN.of(new Node.Binary(Operator.DIVIDE, ONE, ONE)));
        assertFalse(NeverNaN.of(new Node.Binary(Operator.COALESCE, VARIABLE, ONE)));
        assertFalse(NeverNaN.of(new Node.Conditional(VARIABLE, ONE, VARIABLE)));
        assertFalse(NeverNaN.of(new Node.Negate(VARIABLE)));
        assertFalse(NeverNaN.of(new Node.This()));
    }
}
