package dev.plinth.core.runtime.reload;

import dev.plinth.core.runtime.internal.reload.StateJson;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state one version of a resource hands to the next when it is reloaded: JSON text, so that it crosses class
 * loaders and languages (a Lua table saved, a JavaScript object restored) without carrying any object of the old
 * version along. Immutable.
 *
 * @param resource the resource that saved it
 * @param json the state, a JSON value
 */
public record ReloadState(String resource, String json) {

    /** The default largest state, in bytes of UTF-8 JSON (1 MiB). */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    /** Validates the components. */
    public ReloadState {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(json, "json");
    }

    /**
     * Encodes a JSON-like value: {@code null}, a {@code Boolean}, a finite {@code Number}, a {@code String}, or a
     * {@code List} or a {@code Map} with string keys of those, nested at most 64 deep.
     *
     * @param resource the resource saving it
     * @param value the value
     * @param maxBytes the largest encoding accepted
     * @return the state
     * @throws ReloadStateException when the value holds anything else, is nested too deep, or its JSON is larger than
     *     {@code maxBytes} (the message says how large it is and what the limit is)
     */
    public static ReloadState of(String resource, @Nullable Object value, int maxBytes) {
        return new ReloadState(resource, StateJson.encode(resource, value, maxBytes));
    }

    /**
     * Takes JSON text a resource produced itself (a WebAssembly module writes its state as JSON).
     *
     * @param resource the resource saving it
     * @param json the text
     * @param maxBytes the largest text accepted, in bytes of UTF-8
     * @return the state
     * @throws ReloadStateException when the text is larger than {@code maxBytes} or is not one JSON value
     */
    public static ReloadState ofJson(String resource, String json, int maxBytes) {
        StateJson.checkSize(resource, json.getBytes(StandardCharsets.UTF_8).length, maxBytes);
        StateJson.decode(resource, json);
        return new ReloadState(resource, json);
    }

    /**
     * The state as plain Java values: {@code null}, {@code Boolean}, {@code Integer}/{@code Long}/{@code Double}
     * (or {@code BigInteger}/{@code BigDecimal} for numbers beyond them), {@code String}, {@code List},
     * {@code Map<String, Object>} (in the order written); a new copy each call.
     *
     * @return the value
     */
    public @Nullable Object value() {
        return StateJson.decode(resource, json);
    }

    /** {@return the size of the JSON text in bytes of UTF-8} */
    public int sizeBytes() {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
