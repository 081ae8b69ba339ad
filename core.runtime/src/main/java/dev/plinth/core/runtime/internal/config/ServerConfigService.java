package dev.plinth.core.runtime.internal.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ConfigParseException;
import dev.plinth.core.runtime.config.ParseProblem;
import dev.plinth.core.runtime.config.ServerConfigFile;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ServerConfigFile} over {@link ConfigFiles}: the file is read whole each time and one key is converted;
 * writes serialize the whole tree again through the atomic write. Writes are serialized with each other.
 */
@Component(service = ServerConfigFile.class)
public final class ServerConfigService implements ServerConfigFile {

    private final Optional<Path> path;
    private final ConfigFiles files;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Finds the file of the framework's instance home.
     *
     * @param context for the {@code plinth.home} framework property
     * @param files the JSON reader and atomic writer
     */
    @Activate
    public ServerConfigService(BundleContext context, @Reference ConfigFiles files) {
        this.path = Optional.ofNullable(context.getProperty(ServerSettings.HOME))
                .map(home -> Path.of(home, "conf", "server.json"));
        this.files = files;
    }

    @Override
    public Optional<Path> path() {
        return path;
    }

    @Override
    public <T> Optional<T> read(String key, Class<T> type) {
        Optional<ObjectNode> root = tree();
        if (root.isEmpty() || !root.get().has(key) || root.get().get(key).isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(root.get().get(key)));
        } catch (IOException | IllegalArgumentException e) {
            String problem = e instanceof JacksonException j ? ParseProblem.of(j).reason() : e.getMessage();
            throw new ConfigParseException(path.orElseThrow(), 0, 0, "key '" + key + "': " + problem, e);
        }
    }

    @Override
    public synchronized void write(String key, Object value) {
        Path file = path.orElseThrow(() -> new ConfigException(
                "no instance home (framework property " + ServerSettings.HOME + "): cannot write conf/server.json"));
        ObjectNode root = tree().orElseGet(JsonNodeFactory.instance::objectNode);
        JsonNode node = mapper.valueToTree(value);
        root.set(key, node);
        files.write(file, root);
    }

    private Optional<ObjectNode> tree() {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> node = files.read(path.get(), JsonNode.class, true);
        if (node.isPresent() && !node.get().isObject()) {
            throw new ConfigParseException(path.get(), 1, 1, "expected a JSON object {...}", null);
        }
        return node.map(ObjectNode.class::cast);
    }
}
