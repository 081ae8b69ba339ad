package dev.plinth.lang.lua.internal.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value of the wrong type given to the {@code mc} API is said as PUC Lua says it for its own functions: the
 * script's file and line, the argument's number and the function's name ({@code main.lua:2: bad argument #1 to
 * 'give_item' (string expected, got nil)}), for player methods and {@code mc} functions alike, interpreted or compiled.
 */
class ArgumentErrorsTest {

    /** What {@code pcall} of the second line returns as its message. */
    private static String failure(Mode mode, String call) {
        String main = "local before = 1\nlocal ok, err = pcall(function() " + call + " end)\nreturn err";
        return McScripts.script(mode, main).run("main.lua").arg1().tojstring();
    }

    /** Calls of the API with a bad argument, each with what PUC Lua would say of it. */
    private static final List<List<String>> CALLS = List.of(
            List.of("steve:give_item(nil, 1)", "bad argument #1 to 'give_item' (string expected, got nil)"),
            List.of("steve:give_item('apple', {})", "bad argument #2 to 'give_item' (number expected, got table)"),
            List.of("steve:send_message()", "bad argument #1 to 'send_message' (string expected, got nil)"),
            List.of("steve:send_title(true)", "bad argument #1 to 'send_title' (string expected, got boolean)"),
            List.of("mc.broadcast({})", "bad argument #1 to 'broadcast' (string expected, got table)"),
            List.of("mc.on('player_join', 'handler')", "bad argument #2 to 'on' (function expected, got string)"),
            List.of("mc.on('player_join', print, 5)", "bad argument #3 to 'on' (table expected, got number)"),
            List.of("mc.schedule_task(20, nil)", "bad argument #2 to 'schedule_task' (function expected, got nil)"),
            List.of("mc.form.simple()", "bad argument #1 to 'simple' (string expected, got no value)"),
            List.of("mc.config.get({})", "bad argument #1 to 'get' (string expected, got table)"));

    static Stream<Arguments> calls() {
        return Stream.of(Mode.values()).flatMap(mode -> CALLS.stream()
                .map(call -> Arguments.of(mode, call.get(0), call.get(1))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("calls")
    void theFunctionAndTheArgumentAreNamedAtTheCallersLine(Mode mode, String call, String expected) {
        assertEquals("main.lua:2: " + expected, failure(mode, call));
    }
}
