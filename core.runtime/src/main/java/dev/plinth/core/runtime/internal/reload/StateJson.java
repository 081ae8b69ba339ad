package dev.plinth.core.runtime.internal.reload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.runtime.config.ParseProblem;
import dev.plinth.core.runtime.reload.ReloadStateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reload state as JSON: writes a JSON-like value with Jackson's streaming generator (no reflection, so no object of
 * a resource's own classes is ever serialized), stopping as soon as the text outgrows its limit; reads it back as
 * plain Java values.
 *
 * <p>Thread-safe and stateless.
 */
public final class StateJson {

    /** How deep a state may nest. */
    public static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StateJson() {}

    /**
     * Encodes a JSON-like value.
     *
     * @throws ReloadStateException when it is not JSON-like, too deep or larger than {@code maxBytes}
     */
    public static String encode(String resource, @Nullable Object value, int maxBytes) {
        var out = new BoundedOutput(resource, maxBytes);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(resource, generator, value, "state", 0, new IdentityHashMap<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads JSON text back as plain values.
     *
     * @throws ReloadStateException when the text is not one JSON value
     */
    public static @Nullable Object decode(String resource, String json) {
        try {
            return READER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new ReloadStateException(resource + ": its reload state is not JSON: "
                    + ParseProblem.of(e).atLine());
        }
    }

    /**
     * Refuses a state larger than the limit.
     *
     * @throws ReloadStateException when {@code size > maxBytes}
     */
    public static void checkSize(String resource, long size, int maxBytes) {
        if (size > maxBytes) {
            throw tooLarge(resource, size + " bytes", maxBytes);
        }
    }

    private static ReloadStateException tooLarge(String resource, String size, int maxBytes) {
        return new ReloadStateException(resource + ": its reload state is larger than the limit of " + maxBytes
                + " bytes (" + size + " of JSON; HotReloadMaxStateKb in conf/server.json): keep less in it, or keep the "
                + "rest in the resource's data folder");
    }

    private static void write(String resource, JsonGenerator out, @Nullable Object value, String path, int depth,
            IdentityHashMap<Object, Boolean> open) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ReloadStateException(resource + ": its reload state nests deeper than " + MAX_DEPTH
                    + " levels at " + path);
        }
        switch (value) {
            case null -> out.writeNull();
            case String s -> out.writeString(s);
            case Boolean b -> out.writeBoolean(b);
            case Integer i -> out.writeNumber(i);
            case Long l -> out.writeNumber(l);
            case Short s -> out.writeNumber(s);
            case Byte b -> out.writeNumber(b);
            case BigInteger i -> out.writeNumber(i);
            case BigDecimal d -> out.writeNumber(d);
            case Number n -> {
                double d = n.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new ReloadStateException(resource + ": its reload state holds " + d + " at " + path
                            + ", which JSON cannot carry");
                }
                out.writeNumber(d);
            }
            case List<?> list -> {
                enter(resource, open, list, path);
                out.writeStartArray();
                for (int i = 0; i < list.size(); i++) {
                    write(resource, out, list.get(i), path + "[" + i + "]", depth + 1, open);
                }
                out.writeEndArray();
                open.remove(list);
            }
            case Map<?, ?> map -> {
                enter(resource, open, map, path);
                out.writeStartObject();
                for (var entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new ReloadStateException(resource + ": its reload state has a key that is not a string at "
                                + path + ": " + entry.getKey());
                    }
                    out.writeFieldName(key);
                    write(resource, out, entry.getValue(), path + "." + key, depth + 1, open);
                }
                out.writeEndObject();
                open.remove(map);
            }
            default -> throw new ReloadStateException(resource + ": its reload state holds a "
                    + value.getClass().getName() + " at " + path + "; a state holds only strings, numbers, booleans, "
                    + "null, lists and maps");
        }
    }

    private static void enter(String resource, IdentityHashMap<Object, Boolean> open, Object container, String path) {
        if (open.put(container, Boolean.TRUE) != null) {
            throw new ReloadStateException(resource + ": its reload state contains itself at " + path);
        }
    }

    /** Collects the JSON, refusing it as soon as it outgrows the limit. */
    private static final class BoundedOutput extends ByteArrayOutputStream {
        private final String resource;
        private final int maxBytes;

        BoundedOutput(String resource, int maxBytes) {
            super(Math.min(maxBytes, 4096) + 1);
            this.resource = resource;
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if ((long) count + more > maxBytes) {
                throw tooLarge(resource, "at least " + ((long) count + more) + " bytes", maxBytes);
            }
        }
    }
}
