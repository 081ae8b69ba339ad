package dev.plinth.core.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.junit.jupiter.api.Test;

/**
 * What the author of a JSON or TOML file reads about a syntax error: its line and Jackson's reason, nothing of
 * Jackson's input.
 */
class ParseProblemTest {

    private static ParseProblem json(String text) {
        return ParseProblem.of(assertThrows(JacksonException.class, () -> JsonMapper.builder().build().readTree(text)));
    }

    @Test
    void aMismatchedBracketNamesWhereTheObjectBeganByItsLine() {
        ParseProblem problem = json("{\n  \"game\": {\n    \"keepInventory\": true\n  ]\n}");

        assertEquals(new ParseProblem(4, 3,
                "Unexpected close marker ']': expected '}' (for Object starting at line 2)"), problem);
        assertEquals("line 4: Unexpected close marker ']': expected '}' (for Object starting at line 2)",
                problem.atLine());
    }

    @Test
    void anUnclosedObjectNamesWhereItBegan() {
        assertEquals("line 4: Unexpected end-of-input: expected close marker for Object (start marker at line 1)",
                json("{\n  \"message\": \"Hi\",\n  \"repeat\": 2\n").atLine());
    }

    @Test
    void aBadTokenIsJacksonsReasonAtItsLineAndColumn() {
        assertEquals(new ParseProblem(2, 12, "Unrecognized token 'tru': was expecting (JSON String, Number, Array, "
                + "Object or token 'null', 'true' or 'false')"), json("{\n  \"debug\": tru\n}"));
    }

    @Test
    void aTomlErrorIsToldTheSameWay() {
        var failure = assertThrows(JacksonException.class, () -> new TomlMapper().readTree("name = \"x\"\nmain = \n"));

        assertEquals("line 2: " + failure.getOriginalMessage(), ParseProblem.of(failure).atLine());
    }

    @Test
    void withoutALineTheReasonStandsAlone() {
        assertEquals("the file holds no value", new ParseProblem(0, 0, "the file holds no value").atLine());
    }
}
