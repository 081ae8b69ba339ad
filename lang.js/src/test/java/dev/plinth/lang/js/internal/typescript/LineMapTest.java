package dev.plinth.lang.js.internal.typescript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LineMapTest {

    /** What TypeScript 5.9 writes for a module whose first line (an interface) compiles to nothing. */
    private static final String MAP = """
            {"version":3,"file":"main.js","sourceRoot":"","sources":["main.ts"],"names":[],"mappings":\
            "AACA,MAAM,CAAC,GAAW,CAAC,CAAC;AACpB,MAAM,UAAU,KAAK,CAAC,CAAI;IACxB,OAAO,KAAK,GAAG,CAAC,CAAC,IAAI,GAAG,CAAC,CAAC;AAC5B,CAAC"}""";

    @Test
    void eachCompiledLineLeadsToItsTypeScriptLine() {
        LineMap lines = LineMap.parse(MAP);

        assertEquals(2, lines.original(1));
        assertEquals(3, lines.original(2));
        assertEquals(4, lines.original(3));
        assertEquals(5, lines.original(4));
    }

    @Test
    void aLineWithoutSegmentsTakesTheLineAboveAndUnknownLinesStayAsTheyAre() {
        LineMap lines = LineMap.of("AAEA;;AACA");

        assertEquals(3, lines.original(1));
        assertEquals(3, lines.original(2));
        assertEquals(4, lines.original(3));
        assertEquals(9, lines.original(9), "past the map");
        assertEquals(0, lines.original(0), "unknown");
    }

    @Test
    void negativeDeltasAreDecoded() {
        // line 1 -> original 11 (K = 5 -> +10... then D = -1)
        LineMap lines = LineMap.of("AAUA;AADA");

        assertEquals(11, lines.original(1));
        assertEquals(10, lines.original(2));
    }

    @Test
    void somethingElseIsNotASourceMap() {
        assertThrows(IllegalArgumentException.class, () -> LineMap.parse("{\"version\": 2, \"mappings\": \"\"}"));
        assertThrows(IllegalArgumentException.class, () -> LineMap.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> LineMap.of("A!A"));
    }

    @Test
    void linesSurviveTheirRoundTrip() {
        LineMap lines = LineMap.parse(MAP);

        assertEquals(lines, LineMap.ofLines(lines.lines()));
    }
}
