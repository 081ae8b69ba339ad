package dev.plinth.bedrock.packs.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.packs.internal.definition.AnimationControllerDefinition;
import dev.plinth.bedrock.packs.internal.definition.AnimationDefinition;
import dev.plinth.bedrock.packs.internal.definition.BlockDefinition;
import dev.plinth.bedrock.packs.internal.definition.Definition;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.EntityReader;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition;
import dev.plinth.bedrock.packs.internal.definition.FeatureRuleDefinition;
import dev.plinth.bedrock.packs.internal.definition.FunctionDefinition;
import dev.plinth.bedrock.packs.internal.definition.ItemDefinition;
import dev.plinth.bedrock.packs.internal.definition.LootTableDefinition;
import dev.plinth.bedrock.packs.internal.definition.Reading;
import dev.plinth.bedrock.packs.internal.definition.RecipeDefinition;
import dev.plinth.bedrock.packs.internal.definition.Source;
import dev.plinth.bedrock.packs.internal.definition.SpawnRuleDefinition;
import dev.plinth.bedrock.packs.internal.definition.TradeTableDefinition;
import dev.plinth.bedrock.packs.internal.json.Json;
import dev.plinth.bedrock.packs.internal.json.JsonProblem;
import dev.plinth.bedrock.packs.internal.json.PackJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Reads every definition of a behavior pack: each kind's top-level folder at any depth, files in parallel, off the
 * game thread. A file that is malformed is skipped and reported (pack, file, line, JSON path); the rest loads.
 *
 * <p>Thread-safe; {@link #load} blocks its caller until the pack is read.
 */
public final class PackLoader {

    /** The largest file read: larger ones are skipped. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    private static final Set<String> KNOWN_FOLDERS = Arrays.stream(DefinitionKind.values())
            .map(DefinitionKind::folder).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> NOT_DEFINITIONS = Set.of("scripts", "texts", "META-INF", "pack_icon");

    /** Told how far loading is: files done out of the total. */
    @FunctionalInterface
    public interface Progress {
        /**
         * Loading went on.
         *
         * @param done files read so far
         * @param total files to read
         */
        void update(int done, int total);

        /** Nothing is told. */
        Progress NONE = (done, total) -> { };
    }

    private PackLoader() {}

    /** One file to read. */
    private record Task(DefinitionKind kind, String path) {}

    /** What reading one file gave. */
    private record Outcome(Task task, List<Definition> definitions) {}

    /**
     * Loads a pack.
     *
     * @param name the pack's name
     * @param files its files
     * @param molang its Molang scope (the pack owns it from now on)
     * @param progress told as files are read
     * @return the loaded pack
     * @throws IOException when the pack's folders cannot be listed
     */
    public static LoadedPack load(String name, PackFiles files, MolangScope molang, Progress progress)
            throws IOException {
        long start = System.nanoTime();
        List<Task> tasks = tasks(files);
        var other = new TreeMap<String, Integer>();
        for (String folder : files.folders()) {
            if (!KNOWN_FOLDERS.contains(folder) && !NOT_DEFINITIONS.contains(folder)) {
                other.put(folder, files.list(folder).size());
            }
        }
        Reading reading = Reading.of(name, molang);
        var failures = new ConcurrentLinkedQueue<FileFailure>();
        var done = new AtomicInteger();
        List<Outcome> outcomes = tasks.parallelStream().map(task -> {
            try {
                return new Outcome(task, read(task, name, files, reading.inFile(task.path(),
                        jsonPath -> lineOf(files, task.path(), jsonPath))));
            } catch (JsonProblem problem) {
                failures.add(failure(name, files, task.path(), problem));
                return new Outcome(task, List.of());
            } catch (IOException | RuntimeException e) {
                failures.add(new FileFailure(name, task.path(), 0, "", e instanceof IOException
                        ? "cannot be read: " + e.getMessage() : "cannot be read: " + e));
                return new Outcome(task, List.of());
            } finally {
                progress.update(done.incrementAndGet(), tasks.size());
            }
        }).toList();

        var definitions = new EnumMap<DefinitionKind, SortedMap<String, Definition>>(DefinitionKind.class);
        for (Outcome outcome : outcomes) {
            for (Definition definition : outcome.definitions()) {
                var byId = definitions.computeIfAbsent(definition.kind(), k -> new TreeMap<>());
                Definition before = byId.putIfAbsent(definition.id(), definition);
                if (before != null) {
                    // Mojang's own pack defines some recipes twice (a deprecated copy): the first file (in path
                    // order) is used, the other is noted, not failed
                    reading.keep(definition.kind().id() + " " + definition.id() + " defined again in "
                            + outcome.task().path() + " (" + before.source().file() + " is used)");
                }
            }
        }
        var sorted = new ArrayList<>(failures);
        sorted.sort((a, b) -> a.file().compareTo(b.file()));
        return new LoadedPack(name, definitions, sorted, new TreeMap<>(reading.kept()), other, tasks.size(),
                (System.nanoTime() - start) / 1_000_000, molang);
    }

    /**
     * A digest of what loading a pack reads: every definition file's path and bytes, or why it cannot be read (a file
     * the loader skips, such as one above {@link #MAX_FILE_BYTES}, is part of the digest, not a failure of it). Two
     * contents with the same digest load the same definitions.
     *
     * @param files the pack's files
     * @return the digest, in hex
     * @throws IOException when the pack's folders cannot be listed
     */
    public static String digest(PackFiles files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
        for (Task task : tasks(files)) {
            digest.update(task.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try {
                digest.update(files.read(task.path(), MAX_FILE_BYTES));
            } catch (IOException e) {
                // loading skips this file with the same reason
                digest.update(("cannot be read: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * How many definition files loading a pack reads; lists its folders, reads no file.
     *
     * @param files the pack's files
     * @return the number of definition files
     * @throws IOException when the pack's folders cannot be listed
     */
    public static int definitionFiles(PackFiles files) throws IOException {
        return tasks(files).size();
    }

    /** The definition files of a pack, kind by kind, each kind's files sorted. */
    private static List<Task> tasks(PackFiles files) throws IOException {
        var tasks = new ArrayList<Task>();
        for (DefinitionKind kind : DefinitionKind.values()) {
            for (String path : files.list(kind.folder())) {
                if (kind == DefinitionKind.FUNCTION ? path.endsWith(".mcfunction") : path.endsWith(".json")) {
                    tasks.add(new Task(kind, path));
                }
            }
        }
        return tasks;
    }

    private static List<Definition> read(Task task, String pack, PackFiles files, Reading reading)
            throws IOException {
        byte[] content = files.read(task.path(), MAX_FILE_BYTES);
        if (task.kind() == DefinitionKind.FUNCTION) {
            String id = task.path().substring("functions/".length(), task.path().length() - ".mcfunction".length());
            return List.of(FunctionDefinition.read(id, content, new Source(pack, task.path(), "")));
        }
        JsonNode node = PackJson.parse(content);
        Json root = Json.root(node);
        if (!root.isObject()) {
            throw root.problem("a definition file holds one JSON object");
        }
        Source source = new Source(pack, task.path(), formatVersion(root.get("format_version")));
        return switch (task.kind()) {
            case ENTITY -> List.of(EntityReader.read(root, source, reading));
            case ITEM -> List.of(ItemDefinition.read(root, source, reading));
            case BLOCK -> List.of(BlockDefinition.read(root, source, reading));
            case RECIPE -> List.of(RecipeDefinition.read(root, source, reading));
            case LOOT_TABLE -> List.of(LootTableDefinition.read(task.path(), root, source, reading));
            case TRADE_TABLE -> List.of(TradeTableDefinition.read(task.path(), root, source, reading));
            case SPAWN_RULE -> List.of(SpawnRuleDefinition.read(root, source, reading));
            case FEATURE -> List.of(FeatureDefinition.read(root, source, reading));
            case FEATURE_RULE -> List.of(FeatureRuleDefinition.read(root, source, reading));
            case ANIMATION_CONTROLLER -> List.copyOf(AnimationControllerDefinition.read(root, source, reading));
            case ANIMATION -> List.copyOf(AnimationDefinition.read(root, source, reading));
            case FUNCTION -> throw new AssertionError("functions are not JSON");
        };
    }

    /**
     * A file's {@code format_version} as written: a string ({@code "1.21.40"}), an integer (manifests: 2) or an
     * array ({@code [1, 1, 0]}), given back as text.
     */
    static String formatVersion(Json value) {
        if (!value.present()) {
            return "";
        }
        if (value.isArray()) {
            return value.elements().stream().map(v -> v.node().asText()).collect(Collectors.joining("."));
        }
        if (value.isText() || value.isNumber()) {
            return value.node().asText();
        }
        throw value.problem("format_version is a string, a number or an array, not " + value.describe());
    }

    private static FileFailure failure(String pack, PackFiles files, String path, JsonProblem problem) {
        int line = problem.line();
        if (line == 0 && !problem.path().isEmpty()) {
            line = lineOf(files, path, problem.path());
        }
        return new FileFailure(pack, path, line, problem.path(), problem.getMessage());
    }

    /**
     * The line of a JSON pointer in a pack file, the file read again; 0 when it cannot be read (any more: a hot
     * reload's next content is gone once it is swapped in).
     */
    private static int lineOf(PackFiles files, String path, String jsonPath) {
        try {
            return PackJson.lineOf(files.read(path, MAX_FILE_BYTES), jsonPath);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
