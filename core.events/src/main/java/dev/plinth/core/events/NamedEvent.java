package dev.plinth.core.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event known only by its name, posted by a script or by {@link EventBus#post(String, Map)}: {@code
 * myplugin:my_event} with a payload of plain values. Cancellable, like the typed events scripts can cancel.
 *
 * <p>Not thread-safe, like every event.
 */
public final class NamedEvent extends CancellableEvent {

    /**
     * What an event name looks like: words of letters, digits, {@code _ . -}, separated by {@code :} (a namespace
     * first): {@code player_join}, {@code myplugin:my_event}, {@code core:hotReload:start}. Case matters.
     */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)*");

    /** The rule of {@link #NAME} in words, for the messages that refuse a name. */
    public static final String NAME_RULE = "an event name is words of letters, digits, '_', '.' and '-' separated by "
            + "':', such as myplugin:my_event or core:hotReload:start";

    private final String name;
    private final Map<String, Object> payload;

    private NamedEvent(String name, Map<String, Object> payload) {
        this.name = name;
        this.payload = payload;
    }

    /**
     * Creates a named event.
     *
     * @param name the event name, for example {@code myplugin:my_event}
     * @param payload plain values only: {@code String}, {@code Number}, {@code Boolean}, and {@code List} or
     *     {@code Map} (with string keys) of those; copied
     * @return the event
     * @throws EventException when the name is malformed or the payload holds another kind of value
     */
    public static NamedEvent of(String name, Map<String, ?> payload) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
        if (!NAME.matcher(name).matches()) {
            throw new EventException("invalid event name '" + name + "': " + NAME_RULE);
        }
        @SuppressWarnings("unchecked")
        var copy = (Map<String, Object>) plain(name, "payload", payload);
        return new NamedEvent(name, copy);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> payload() {
        return payload;
    }

    @Override
    public String toString() {
        return name + payload;
    }

    private static Object plain(String event, String path, Object value) {
        return switch (value) {
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case List<?> list -> {
                var copy = new java.util.ArrayList<Object>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    copy.add(plain(event, path + "[" + i + "]", Objects.requireNonNull(list.get(i), path)));
                }
                yield List.copyOf(copy);
            }
            case Map<?, ?> map -> {
                var copy = new java.util.LinkedHashMap<String, Object>();
                for (var entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new EventException("event '" + event + "': " + path + " has a key that is not a string: "
                                + entry.getKey());
                    }
                    copy.put(key, plain(event, path + "." + key, Objects.requireNonNull(entry.getValue(), path)));
                }
                yield java.util.Collections.unmodifiableMap(copy);
            }
            default -> throw new EventException("event '" + event + "': " + path + " is a "
                    + value.getClass().getName() + "; a payload holds only strings, numbers, booleans, lists and maps");
        };
    }
}
