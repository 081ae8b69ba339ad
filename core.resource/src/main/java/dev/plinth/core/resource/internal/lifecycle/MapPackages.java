package dev.plinth.core.resource.internal.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MTADM's map packages. {@code CreateMapPackage} writes a blank {@code resourceType = "map"} resource folder
 * ({@code meta.json} and {@code map/map.json}) beside the others, whole or not at all (written aside, then moved into
 * {@code resources/}). {@code BakeMapPackage} writes {@code map/map_collision.bin} ({@link MapCollision}) and
 * {@code map/map_render.json} into an existing map package and declares both in its {@code meta.json}; everything is
 * checked and written aside first, then moved in place file by file ({@code meta.json} last), so a bake that fails
 * leaves the old files.
 *
 * <p>Thread-safe: a bake of one package at a time.
 */
final class MapPackages {

    static final String SOURCE = "map/map.json";
    static final String COLLISION = "map/map_collision.bin";
    static final String RENDER = "map/map_render.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Writes a new map package.
     *
     * @param resources the {@code resources/} folder
     * @param name the package's name
     * @param title its title, the map's name
     * @param taken whether a resource of that name exists already
     * @return its folder
     * @throws ResourceException {@code ERR_INVALID_NAME}, {@code ERR_NAME_TOO_LONG}, {@code ERR_ALREADY_EXISTS}
     */
    synchronized Path create(Path resources, String name, String title, boolean taken) {
        if (name.length() > ResourceService.MAX_NAME_LENGTH) {
            throw new ResourceException(ResourceErrorCode.ERR_NAME_TOO_LONG, name, name + ": a resource name holds at "
                    + "most " + ResourceService.MAX_NAME_LENGTH + " characters");
        }
        if (!NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_NAME, name, "'" + name + "' is not a valid "
                    + "resource name: letters, digits, _ - . only");
        }
        Path target = resources.resolve(name);
        if (taken || Files.exists(target)) {
            throw new ResourceException(ResourceErrorCode.ERR_ALREADY_EXISTS, name, name + " exists already"
                    + (Files.exists(target) ? " (resources/" + name + ")" : ""));
        }
        var meta = new LinkedHashMap<String, Object>();
        meta.put("name", name);
        meta.put("resourceType", "map");
        meta.put("version", "0.1.0");
        meta.put("description", title);
        meta.put("scripts", List.of());
        meta.put("assets", List.of(asset(SOURCE, "config", false)));
        var map = new LinkedHashMap<String, Object>();
        map.put("formatVersion", 1);
        map.put("mapId", name);
        map.put("name", title);
        map.put("primitives", List.of());
        Path staged = null;
        try {
            Files.createDirectories(resources);
            staged = Files.createTempDirectory(resources, "." + name + "-");
            Files.createDirectories(staged.resolve("map"));
            json.writeValue(staged.resolve("meta.json").toFile(), meta);
            json.writeValue(staged.resolve(SOURCE).toFile(), map);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, name, name
                    + ": the map package cannot be written to " + target + ": " + e.getMessage(), e);
        } finally {
            if (staged != null && Files.exists(staged)) {
                deleteTree(staged);
            }
        }
    }

    /**
     * Bakes a map package's runtime assets.
     *
     * @param deployment the package
     * @param options {@code name}, {@code version}, {@code primitives}, {@code renderObjects}
     * @throws ResourceException {@code ERR_INVALID_MANIFEST} (not a map package, a malformed option),
     *     {@code ERR_PERMISSION_DENIED} (a zipped package, a file that cannot be written)
     */
    synchronized void bake(Deployment deployment, Map<String, ?> options) {
        String name = deployment.name();
        if (deployment.descriptor().type() != ResourceType.MAP) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, name, name + " is a "
                    + deployment.descriptor().type().id() + " resource: Resource.BakeMapPackage bakes map packages "
                    + "(resourceType \"map\")");
        }
        if (deployment.source().kind() != ResourceSource.Kind.FOLDER) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, name, name + " is deployed from "
                    + deployment.source().relative() + ", read-only: bake a map package folder");
        }
        Path folder = deployment.source().path();
        byte[] collision = MapCollision.encode(name, list(name, options, "primitives"));
        var render = new LinkedHashMap<String, Object>();
        render.put("formatVersion", 1);
        render.put("mapId", name);
        render.put("name", text(name, options, "name", deployment.descriptor().description()));
        render.put("version", text(name, options, "version", deployment.descriptor().version().toString()));
        render.put("renderObjects", list(name, options, "renderObjects"));
        ObjectNode meta;
        try {
            meta = (ObjectNode) json.readTree(folder.resolve(deployment.descriptor().manifestPath()).toFile());
        } catch (IOException | ClassCastException e) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, name, name + ": its meta.json cannot "
                    + "be read again: " + e.getMessage(), e);
        }
        declare(meta, COLLISION, "map_collision");
        declare(meta, RENDER, "map_render");
        var staged = new ArrayList<Path[]>();
        try {
            Files.createDirectories(folder.resolve("map"));
            staged.add(stage(folder, COLLISION, collision));
            staged.add(stage(folder, RENDER, json.writeValueAsBytes(render)));
            staged.add(stage(folder, deployment.descriptor().manifestPath(), json.writeValueAsBytes(meta)));
            for (Path[] file : staged) {
                move(file[0], file[1]);
            }
        } catch (IOException e) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, name, name
                    + ": the baked map cannot be written: " + e.getMessage() + "; the old files are kept", e);
        } finally {
            for (Path[] file : staged) {
                try {
                    Files.deleteIfExists(file[0]);
                } catch (IOException e) {
                    // a temporary file left in the folder: hidden, never sent to clients
                }
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a hidden staging folder left beside the resources: the scanner skips it
        }
    }

    private void declare(ObjectNode meta, String path, String type) {
        JsonNode assets = meta.get("assets");
        ArrayNode list = assets instanceof ArrayNode array ? array : meta.putArray("assets");
        for (JsonNode asset : list) {
            if (path.equals(asset.path("path").asText())) {
                return;
            }
        }
        list.add(json.valueToTree(asset(path, type, true)));
    }

    private static Map<String, Object> asset(String path, String type, boolean cache) {
        var asset = new LinkedHashMap<String, Object>();
        asset.put("path", path);
        asset.put("type", type);
        asset.put("cache", cache);
        return asset;
    }

    private static Path[] stage(Path folder, String relative, byte[] content) throws IOException {
        Path target = folder.resolve(relative);
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        Files.write(temporary, content);
        return new Path[] {temporary, target};
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<?> list(String resource, Map<String, ?> options, String field) {
        Object value = options.get(field);
        if (value == null || value instanceof Map<?, ?> empty && empty.isEmpty()) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, resource
                + ": Resource.BakeMapPackage, field '" + field + "' is " + value + ", not a list; nothing was written");
    }

    private static String text(String resource, Map<String, ?> options, String field, String fallback) {
        Object value = options.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, resource
                + ": Resource.BakeMapPackage, field '" + field + "' is " + value + ", not a string; nothing was written");
    }
}
