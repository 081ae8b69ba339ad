package dev.plinth.bedrock.packs.internal.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangErrorCode;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.packs.internal.json.Json;
import org.junit.jupiter.api.Test;

/** Molang read from a pack file says where it was written when it fails at evaluation, not only when it is read. */
class ReadingTest {

    @Test
    void anExpressionThatFailsWhenEvaluatedNamesThePackTheFileAndTheJsonPath() throws Exception {
        Molang molang = Molang.builder().build();
        var queries = MolangQueries.builder().withNumber("boom", (c, a) -> {
            throw new IllegalStateException("the world is gone");
        }).build();
        Reading reading = Reading.of("guard-pack", molang.scope("guard-pack", queries)).inFile("entities/guard.json",
                path -> path.equals("/minecraft:entity/components/minecraft:health/value") ? 7 : 0);
        Json root = Json.root(new ObjectMapper().readTree("""
                {"minecraft:entity": {"components": {"minecraft:health": {"value": "q.boom + 1"}}}}
                """));
        MolangExpression expression = reading.expression(
                root.get("minecraft:entity").get("components").get("minecraft:health").get("value"));
        MolangContext context = molang.newContext(new Object(), molang.newVariables());

        PackMolangException e = assertThrows(PackMolangException.class, () -> expression.evaluate(context));
        assertEquals(MolangErrorCode.QUERY_FAILED, e.getCause().code());
        assertEquals("guard-pack: entities/guard.json:7 at /minecraft:entity/components/minecraft:health/value: "
                + e.getCause().getMessage(), e.getMessage());
        assertThrows(PackMolangException.class, () -> expression.evaluateValue(context));
        assertEquals("q.boom + 1", expression.source());
        assertEquals(2, reading.expression(Json.root(new ObjectMapper().readTree("2"))).evaluate(context));
    }
}
