package dev.plinth.client.internal.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.ClientEvent;
import dev.plinth.client.ClientException;
import dev.plinth.client.ClientResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's own commands, for {@code --exec} and its prompt: {@code resources}, {@code ready NAME},
 * {@code events [N]}, {@code emit NAME [JSON]}, {@code wait EVENT [SECONDS]}, {@code sleep MILLIS}, {@code help}.
 *
 * <p>Thread-safe; {@code wait} and {@code sleep} block the calling thread.
 */
final class Commands {

    private static final String HELP = """
            resources             the resources the server lists: state on this client, readiness
            ready NAME            whether a resource's scripts marked it ready
            events [N]            the last N events on this client's bus (20)
            emit NAME [JSON]      sends an event to the server, in a client resource's namespace
            wait EVENT [SECONDS]  waits for an event posted since the previous command began (10 s)
            sleep MILLIS          waits
            quit                  leaves""";

    private final Connection client;
    private final ObjectMapper json;
    /** How many events had been posted when the previous command began (-1 before the first): where a wait looks. */
    private final AtomicLong previousStart = new AtomicLong(-1);

    Commands(Connection client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    String execute(String line) {
        long start = client.eventCount();
        long previous = previousStart.getAndSet(start);
        String[] words = line.strip().split("\\s+", 3);
        return switch (words[0]) {
            case "resources" -> resources();
            case "ready" -> ready(argument(words, 1, "ready NAME"));
            case "events" -> events(words.length > 1 ? number(words[1], "events [N]") : 20);
            case "emit" -> emit(argument(words, 1, "emit NAME [JSON]"), words.length > 2 ? words[2] : "{}");
            case "wait" -> await(argument(words, 1, "wait EVENT [SECONDS]"),
                    words.length > 2 ? number(words[2], "wait EVENT [SECONDS]") : 10, previous < 0 ? start : previous);
            case "sleep" -> sleep(number(argument(words, 1, "sleep MILLIS"), "sleep MILLIS"));
            case "help" -> HELP;
            default -> throw new ClientException("unknown command '" + words[0] + "'. Type 'help' to list the commands.");
        };
    }

    private String resources() {
        List<ClientResource> all = client.resources();
        if (all.isEmpty()) {
            return "The server lists no resource for clients.";
        }
        var text = new StringBuilder(String.format("%-24s %-9s %-9s %-8s %-6s %s%n", "NAME", "TYPE", "VERSION", "STATE",
                "READY", "DETAIL"));
        for (ClientResource r : all) {
            text.append(String.format("%-24s %-9s %-9s %-8s %-6s %s%n", r.name(), r.type(), r.version(), r.state(),
                    r.ready() ? "yes" : "no", r.detail()));
        }
        return text.toString().stripTrailing();
    }

    private String ready(String name) {
        Optional<Boolean> ready = client.readiness(name);
        return ready.isEmpty() ? name + " is not loaded on this client" : name + (ready.get() ? " is ready" : " is not ready");
    }

    private String events(long count) {
        List<ClientEvent> all = client.events();
        var text = new StringBuilder();
        for (ClientEvent event : all.subList((int) Math.max(0, all.size() - count), all.size())) {
            text.append(event.name()).append(" from ").append(event.source()).append(' ').append(write(event.payload()))
                    .append('\n');
        }
        return text.isEmpty() ? "No event yet." : text.toString().stripTrailing();
    }

    private String emit(String name, String payload) {
        Map<String, Object> values;
        try {
            values = json.readValue(payload, json.getTypeFactory().constructMapType(Map.class, String.class,
                    Object.class));
        } catch (JsonProcessingException e) {
            throw new ClientException("emit NAME [JSON]: '" + payload + "' is not a JSON object");
        }
        return client.emitToServer(name, values).map(reason -> name + " not sent: " + reason).orElse(name + " sent");
    }

    /** Waits for an event numbered {@code from} or later: the answer to {@code emit X; wait Y} may come first. */
    private String await(String name, long seconds, long from) {
        return client.awaitEventAfter(e -> e.name().equals(name), from, Duration.ofSeconds(seconds))
                .map(e -> e.name() + " " + write(e.payload()))
                .orElseThrow(() -> new ClientException("no " + name + " within " + seconds + " s"));
    }

    private String sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return payload.toString();
        }
    }

    private static String argument(String[] words, int index, String usage) {
        if (words.length <= index) {
            throw new ClientException("usage: " + usage);
        }
        return words[index];
    }

    private static long number(String word, String usage) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new ClientException("usage: " + usage + " ('" + word + "' is not a number)");
        }
    }
}
