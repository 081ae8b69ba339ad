package dev.plinth.core.sandbox.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmitPolicyTest {

    private final EmitPolicy chat = new EmitPolicy("chat");

    @ParameterizedTest
    @ValueSource(strings = {"chat:message", "chat:a:b", "chat:x"})
    void aResourceEmitsInItsOwnNamespace(String event) {
        chat.check(event, "mc.emit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"resource:started", "resource:start_error", "system:shutdown", "player_join",
        "other:event", "chat", "chat:", ":x", "Chat:message"})
    void everythingElseIsRefused(String event) {
        var refused = assertThrows(EmitDeniedException.class, () -> chat.check(event, "mc.emit"));
        assertEquals("chat: mc.emit('" + event + "') is refused: a resource emits only its own events, named "
                + "'chat:<event>'; game events and the minecraft:, plinth:, resource:, server:, system: namespaces "
                + "are the server's", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"resource", "system", "server"})
    void aResourceNamedLikeAServerNamespaceStillCannotEmitThere(String name) {
        assertThrows(EmitDeniedException.class, () -> new EmitPolicy(name).check(name + ":started", "mc.emit"));
    }
}
