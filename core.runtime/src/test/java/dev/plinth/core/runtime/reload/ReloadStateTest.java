package dev.plinth.core.runtime.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reload state is JSON: plain values round-trip, anything else and anything too large is refused by name. */
class ReloadStateTest {

    private static final int MIB = ReloadState.DEFAULT_MAX_BYTES;

    @Test
    void plainValuesRoundTripAsFreshJavaValues() {
        var original = new LinkedHashMap<String, Object>();
        original.put("count", 42);
        original.put("big", 1L << 40);
        original.put("ratio", 0.5);
        original.put("name", "chat-demo ✓");
        original.put("on", true);
        original.put("nothing", null);
        original.put("players", List.of("alice", "bob"));
        original.put("nested", Map.of("deep", List.of(Map.of("x", 1))));

        ReloadState state = ReloadState.of("chat", original, MIB);

        assertEquals(original, state.value());
        assertEquals("chat", state.resource());
        assertTrue(state.json().startsWith("{\"count\":42,"), state.json());
    }

    @Test
    void aStateLargerThanTheLimitIsRefusedWithTheLimitAndTheSetting() {
        var refused = assertThrows(ReloadStateException.class,
                () -> ReloadState.of("hog", List.of("x".repeat(2000)), 1000));

        assertTrue(refused.getMessage().startsWith("hog: its reload state is larger than the limit of 1000 bytes"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("HotReloadMaxStateKb"), refused.getMessage());
    }

    @Test
    void aStateJustAtTheLimitPasses() {
        String json = ReloadState.of("a", "x".repeat(98), MIB).json();
        assertEquals(100, json.length());

        assertEquals(100, ReloadState.of("a", "x".repeat(98), 100).sizeBytes());
        assertThrows(ReloadStateException.class, () -> ReloadState.of("a", "x".repeat(99), 100));
    }

    @Test
    void objectsOfOtherClassesAreRefusedWithTheirPath() {
        var refused = assertThrows(ReloadStateException.class,
                () -> ReloadState.of("p", Map.of("players", List.of(new Object())), MIB));

        assertTrue(refused.getMessage().contains("java.lang.Object at state.players[0]"), refused.getMessage());
    }

    @Test
    void keysThatAreNotStringsAreRefused() {
        var refused = assertThrows(ReloadStateException.class, () -> ReloadState.of("p", Map.of(1, "one"), MIB));

        assertTrue(refused.getMessage().contains("key that is not a string"), refused.getMessage());
    }

    @Test
    void numbersJsonCannotCarryAreRefused() {
        var refused = assertThrows(ReloadStateException.class,
                () -> ReloadState.of("p", Map.of("x", Double.NaN), MIB));

        assertTrue(refused.getMessage().contains("NaN at state.x"), refused.getMessage());
    }

    @Test
    void aStateThatContainsItselfIsRefused() {
        var list = new ArrayList<Object>();
        list.add(list);

        var refused = assertThrows(ReloadStateException.class, () -> ReloadState.of("p", list, MIB));

        assertTrue(refused.getMessage().contains("contains itself at state[0]"), refused.getMessage());
    }

    @Test
    void sharedButAcyclicValuesAreWrittenTwice() {
        var shared = List.of(1, 2);
        var map = new HashMap<String, Object>();
        map.put("a", shared);
        map.put("b", shared);

        assertEquals(map, ReloadState.of("p", map, MIB).value());
    }

    @Test
    void aStateNestedDeeperThanTheLimitIsRefused() {
        Object deep = "bottom";
        for (int i = 0; i < 70; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;

        var refused = assertThrows(ReloadStateException.class, () -> ReloadState.of("p", tooDeep, MIB));

        assertTrue(refused.getMessage().contains("deeper than 64"), refused.getMessage());
    }

    @Test
    void jsonTextFromAResourceIsCheckedOnce() {
        assertEquals(Arrays.asList(1, "two", null), ReloadState.ofJson("wasm", "[1,\"two\",null]", MIB).value());
        assertNull(ReloadState.ofJson("wasm", "null", MIB).value());

        var malformed = assertThrows(ReloadStateException.class, () -> ReloadState.ofJson("wasm", "{\"a\":", MIB));
        assertTrue(malformed.getMessage().startsWith("wasm: its reload state is not JSON"), malformed.getMessage());
        assertThrows(ReloadStateException.class, () -> ReloadState.ofJson("wasm", "[1] [2]", MIB));
        assertThrows(ReloadStateException.class, () -> ReloadState.ofJson("wasm", "[\"" + "x".repeat(200) + "\"]", 100));
    }
}
