package dev.plinth.core.sandbox.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostSupportTest {

    @Test
    void aFailureIsNamedByItsResourceOnce() {
        assertEquals("chat: main.lua:3: boom", HostSupport.message("chat", new IllegalStateException("main.lua:3: boom")));
        assertEquals("chat: the manifest names no server script",
                HostSupport.message("chat", new IllegalStateException("chat: the manifest names no server script")));
        assertEquals("chat stopped for breaking its limits",
                HostSupport.message("chat", new IllegalStateException("chat stopped for breaking its limits")));
    }

    @Test
    void aResourceWhoseNameStartsAnotherIsStillNamed() {
        assertEquals("chat: chatter: missing", HostSupport.message("chat", new IllegalStateException("chatter: missing")));
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        assertEquals("chat: java.lang.StackOverflowError", HostSupport.message("chat", new StackOverflowError()));
        assertEquals("chat: java.lang.IllegalStateException", HostSupport.message("chat", new IllegalStateException(" ")));
    }
}
