package dev.plinth.core.resource.descriptor;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a resource's server code is written in, and so the host (an extender bundle) that runs it.
 */
public enum Language {
    /** Lua, run by the host providing {@code osgi.extender=plinth.lua}. */
    LUA("plinth.lua"),
    /** JavaScript, run by {@code plinth.js}. */
    JS("plinth.js"),
    /** WebAssembly, run by {@code plinth.wasm}. */
    WASM("plinth.wasm"),
    /** A Bedrock behavior pack, run by {@code plinth.bedrock}. */
    BEDROCK("plinth.bedrock"),
    /** A Java plugin: an ordinary bundle, no host. */
    JAVA(null),
    /** Assets and configuration only: nothing runs, no host is needed. */
    NONE(null);

    private final String extender;

    Language(String extender) {
        this.extender = extender;
    }

    /**
     * The {@code osgi.extender} capability a resource in this language requires.
     *
     * @return the extender name, empty for Java and assets-only resources
     */
    public Optional<String> extender() {
        return Optional.ofNullable(extender);
    }

    /**
     * The language as users read it.
     *
     * @return the lower-case name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
