package dev.plinth.lang.wasm.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.failure.GuestLimit;
import dev.plinth.lang.wasm.internal.failure.GuestLimitException;
import dev.plinth.lang.wasm.internal.failure.GuestTrapException;
import dev.plinth.lang.wasm.internal.failure.LinkException;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import dev.plinth.testsupport.Corpus;
import dev.plinth.testsupport.RequiresCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Modules really built by Extism PDKs (shared corpus, {@code wasm/extism}), run through Plinth's Java-hosted Extism
 * kernel, compiled and interpreted.
 */
@RequiresCorpus("wasm/extism")
class ExtismCorpusTest {

    private static byte[] module(String file) throws IOException {
        return Files.readAllBytes(Corpus.path("wasm/extism/" + file));
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void countVowelsReadsItsInputConfigAndVariablesAndWritesJson(boolean compiled) throws IOException {
        var plugins = new Plugins(compiled);
        var plugin = plugins.start(AbiKind.EXTISM, "code.wasm", module("code.wasm"));

        assertEquals("{\"count\":3,\"total\":3,\"vowels\":\"aeiouAEIOU\"}",
                new String(plugin.call("count_vowels", text("Hello World")), StandardCharsets.UTF_8));
        assertEquals("{\"count\":3,\"total\":6,\"vowels\":\"aeiouAEIOU\"}",
                new String(plugin.call("count_vowels", text("Hello World")), StandardCharsets.UTF_8),
                "the plugin's variable 'total' survives calls");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void countVowelsUsesTheConfigurationOfItsDataFolder(boolean compiled) throws IOException {
        var plugins = new Plugins(compiled);
        plugins.services = new TestServices().with("config.json", Map.of("vowels", "o"));
        var plugin = plugins.start(AbiKind.EXTISM, "code.wasm", module("code.wasm"));

        assertEquals("{\"count\":2,\"total\":2,\"vowels\":\"o\"}",
                new String(plugin.call("count_vowels", text("Hello World")), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void echoGivesItsInputBack(boolean compiled) throws IOException {
        var plugin = new Plugins(compiled).start(AbiKind.EXTISM, "echo.wasm", module("echo.wasm"));
        byte[] input = "é🎲 and a longer line of more than eight bytes".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(input, plugin.call("echo", input));
        assertArrayEquals(new byte[0], plugin.call("echo", new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLoopThatNeverEndsRunsOutOfFuel(boolean compiled) throws IOException {
        var plugins = new Plugins(compiled);
        plugins.fuel = FuelLimits.of(200_000, 10_000_000, 10_000_000);
        var plugin = plugins.start(AbiKind.EXTISM, "loop.wasm", module("loop.wasm"));

        var e = assertThrows(GuestLimitException.class, () -> plugin.call("loop_forever", new byte[0]));
        assertEquals(GuestLimit.CALL_FUEL, e.limit());
        assertEquals("t: loop.wasm: loop_forever: fuel per call exhausted (200000 instructions)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anUnreachableTrapsTheCallAndThePluginGoesOn(boolean compiled) throws IOException {
        var plugins = new Plugins(compiled);
        var plugin = plugins.start(AbiKind.EXTISM, "unreachable.wasm", module("unreachable.wasm"));

        var e = assertThrows(GuestTrapException.class, () -> plugin.call("do_unreachable", new byte[0]));
        assertEquals("t: unreachable.wasm: do_unreachable trapped: unreachable executed", e.getMessage());
        assertTrue(plugins.fatal.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aHostFunctionPlinthDoesNotHaveFailsTheLinkNamingIt(boolean compiled) throws IOException {
        var plugins = new Plugins(compiled);
        var e = assertThrows(LinkException.class, () ->
                plugins.start(AbiKind.EXTISM, "code-functions.wasm", module("code-functions.wasm")));
        assertEquals("extism:host/user", e.module());
        assertEquals("hello_world", e.name());
        assertTrue(e.getMessage().startsWith("t: code-functions.wasm: imports extism:host/user.hello_world, which "
                + "Plinth does not provide (module 'extism:host/user' has mc_broadcast, "), e.getMessage());
    }
}
