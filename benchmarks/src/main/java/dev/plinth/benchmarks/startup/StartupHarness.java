package dev.plinth.benchmarks.startup;

import dev.plinth.benchmarks.startup.ResourceFarm.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Startup and footprint of the distribution, as whole processes, in one run ({@code ./plinthw -pl benchmarks -am
 * -Pstartup verify}):
 * <ol>
 *   <li>raw Felix with the distribution's framework-level bundles ({@link RawFelix}) against Plinth on an empty home
 *       ({@code bin/plinth}, no resources), start to ready to exit (goal: Plinth ≤ 1.2× raw Felix);</li>
 *   <li>Plinth with 100 mixed resources (as many of each kind: Lua, resource packs, assets-only, Java plugin bundles,
 *       WebAssembly plugins and JavaScript), all in {@code StartupResources}: spawn to
 *       {@code plinth.resources.ready} (the console prints the first piped command's output only then), cold (a new
 *       home) and again on the same home (goals: ≤ 2 s cold, ≤ 1 s from the framework cache);</li>
 *   <li>the heap each idle resource of a kind retains: 101 of a kind started, then the live objects on the heap
 *       after a full GC ({@code jcmd GC.class_histogram}, which collects first; the heap used would also count what
 *       was allocated since, such as a metrics scrape that grows with the resources), minus the same for a home with
 *       one of the kind, divided by 100 (goals: Lua ≤ 64 KiB, JS ≤ 256 KiB, WASM ≤ 64 KiB plus its linear memory,
 *       one page of 64 KiB here). What the first resource of a kind costs once (its host's engine, the classes and
 *       code caches its first use loads: the JavaScript engine starts with the first JavaScript resource) is not a
 *       resource's to keep, so it is reported beside it (one of the kind minus an empty home), as is what 100 of a
 *       kind add to the time to ready</li>
 * </ol>
 * Each process measurement is the median of {@code runs}, with the CPU time the process had used when it was ready,
 * split into the JIT compilers', the collector's and the rest ({@link CpuTime}): where it is about the cores times the
 * wall time, startup is bound by the CPU. The machine must be quiet for figures worth keeping.
 * Prints a table and writes it as JSON.
 */
public final class StartupHarness {

    /** The line every measured process prints once it is ready. */
    static final String READY_MARKER = "plinth-bench-ready";
    private static final int FOOTPRINT_COUNT = 100;
    private static final int MIXED_COUNT = 100;

    private final Path distribution;
    private final Path work;
    private final int runs;
    private final Map<String, Object> results = new LinkedHashMap<>();

    private StartupHarness(Path distribution, Path work, int runs) {
        this.distribution = distribution;
        this.work = work;
        this.runs = runs;
    }

    /**
     * Runs the harness.
     *
     * @param args the distribution folder ({@code distribution/target/plinth}), the JSON result file, and optionally
     *     the number of runs per measurement (3)
     * @throws Exception when a process cannot be run
     */
    public static void main(String[] args) throws Exception {
        check(args);
        Path distribution = Path.of(args[0]);
        Path output = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(output.toAbsolutePath().getParent());
        Path work = Files.createTempDirectory(output.toAbsolutePath().getParent(), "startup-");
        var harness = new StartupHarness(distribution, work, runs);
        harness.startup();
        harness.manyResources();
        harness.footprint();
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(harness.results);
        Files.writeString(output, json);
        System.out.println("written to " + output);
    }

    private void startup() throws Exception {
        List<ProcessRun> raw = new ArrayList<>();
        List<ProcessRun> plinth = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path storage = Files.createDirectories(work.resolve("raw-" + i));
            raw.add(ProcessRun.run(List.of(java(), "-Xmx1g", "--sun-misc-unsafe-memory-access=allow", "-cp",
                    System.getProperty("java.class.path"), RawFelix.class.getName(),
                    distribution.resolve("bundle").toString(), storage.toString()), "", null));
            plinth.add(plinth(home("empty-" + i, List.of()), "echo " + READY_MARKER + "\n"));
        }
        ProcessRun rawMedian = median(raw);
        ProcessRun plinthMedian = median(plinth);
        print("raw Felix, same framework bundles", rawMedian);
        print("Plinth, empty home", plinthMedian);
        double ratio = (double) plinthMedian.totalMillis() / rawMedian.totalMillis();
        System.out.printf(Locale.ROOT, "Plinth / raw Felix, whole process: %.2fx (goal <= 1.2x)%n", ratio);
        results.put("rawFelix", rawMedian);
        results.put("plinthEmpty", plinthMedian);
        results.put("plinthOverRawFelix", ratio);
    }

    private void manyResources() throws Exception {
        Path home = home("mixed", List.of());
        List<String> names = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (int k = 0; k < kinds.length; k++) {
            // 100 in all: the first kinds get one more each when 100 does not divide evenly
            int count = MIXED_COUNT / kinds.length + (k < MIXED_COUNT % kinds.length ? 1 : 0);
            names.addAll(ResourceFarm.write(home.resolve("resources"), kinds[k], count));
        }
        writeSettings(home, names, 0);
        ProcessRun cold = plinth(home, "echo " + READY_MARKER + "\n");
        List<ProcessRun> again = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            again.add(plinth(home, "echo " + READY_MARKER + "\n"));
        }
        print("Plinth, 100 mixed resources, cold (new home)", cold);
        print("Plinth, 100 mixed resources, same home again (framework cache reused)", median(again));
        System.out.println("  goals: ready <= 2000 ms cold (the framework cache built), <= 1000 ms from the framework "
                + "cache (the same home again: the launcher keeps the cache while the installation is unchanged)");
        results.put("mixed100Cold", cold);
        results.put("mixed100Again", median(again));
    }

    private void footprint() throws Exception {
        HeapRun empty = heapAfterGc(home("heap-empty", List.of()));
        Map<String, Long> perResource = new LinkedHashMap<>();
        Map<String, Long> firstOfKind = new LinkedHashMap<>();
        Map<String, Long> readyOfKind = new LinkedHashMap<>();
        Map<String, Long> firstReady = new LinkedHashMap<>();
        Map<String, CpuTime> firstCpu = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            String key = kind.name().toLowerCase(Locale.ROOT);
            HeapRun one = heapAfterGc(kindHome("heap-" + key + "-1", kind, 1));
            HeapRun many = heapAfterGc(kindHome("heap-" + key, kind, 1 + FOOTPRINT_COUNT));
            perResource.put(key, (many.liveBytes() - one.liveBytes()) / FOOTPRINT_COUNT);
            firstOfKind.put(key, one.liveBytes() - empty.liveBytes());
            readyOfKind.put(key, many.readyMillis() - one.readyMillis());
            firstReady.put(key, one.readyMillis() - empty.readyMillis());
            firstCpu.put(key, new CpuTime(one.cpu().totalMillis() - empty.cpu().totalMillis(),
                    one.cpu().compilerMillis() - empty.cpu().compilerMillis(),
                    one.cpu().gcMillis() - empty.cpu().gcMillis()));
        }
        System.out.println("retained heap per idle resource (" + FOOTPRINT_COUNT + " more of a kind started than the "
                + "first, after a full GC; goals: Lua <= 64 KiB, JS <= 256 KiB, WASM <= 64 KiB + linear memory), what "
                + "the first of the kind added to an empty home (its host's one-time cost: the JavaScript engine, ...), "
                + "and what the " + FOOTPRINT_COUNT + " more added to the time to ready:");
        perResource.forEach((kind, bytes) -> System.out.printf(Locale.ROOT,
                "  %-7s %8.1f KiB per resource, first %8.1f KiB, %6d ms for %d%n", kind, bytes / 1024.0,
                firstOfKind.get(kind) / 1024.0, readyOfKind.get(kind), FOOTPRINT_COUNT));
        System.out.println("what the first resource of a kind added to an empty home's time to ready and CPU time (one "
                + "run each: a rough figure):");
        firstReady.forEach((kind, millis) -> System.out.printf(Locale.ROOT, "  %-7s %+6d ms, CPU %s%n", kind, millis,
                describe(firstCpu.get(kind))));
        results.put("heapBaselineBytes", empty.liveBytes());
        results.put("retainedBytesPerIdleResource", perResource);
        results.put("retainedBytesFirstOfKind", firstOfKind);
        results.put("readyMillisPerHundredOfKind", readyOfKind);
        results.put("readyMillisFirstOfKind", firstReady);
        results.put("cpuFirstOfKind", firstCpu);
    }

    /** A home whose startup resources are {@code count} of one kind. */
    private Path kindHome(String name, Kind kind, int count) throws IOException {
        Path home = home(name, List.of());
        writeSettings(home, ResourceFarm.write(home.resolve("resources"), kind, count), freePort());
        return home;
    }

    /**
     * The live heap of a process once ready, and how long it took to be ready.
     *
     * @param liveBytes the bytes of the live objects after a full GC
     * @param readyMillis spawn to ready
     * @param cpu the CPU time used to ready
     */
    private record HeapRun(long liveBytes, long readyMillis, CpuTime cpu) {}

    /**
     * Starts Plinth on a home, waits until ready, and reads the bytes of the live objects on its heap: the total of a
     * class histogram, which a full GC precedes.
     */
    private HeapRun heapAfterGc(Path home) throws Exception {
        long[] live = {-1};
        ProcessRun run = ProcessRun.run(plinthCommand(home), "echo " + READY_MARKER + "\n", process -> {
            try {
                Process jcmd = new ProcessBuilder(jcmd(), Long.toString(process.pid()), "GC.class_histogram")
                        .redirectErrorStream(true).start();
                String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (jcmd.waitFor() == 0) {
                    live[0] = histogramTotal(histogram);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (live[0] < 0 || run.exitCode() != 0) {
            throw new IllegalStateException("no heap figure from " + home + " (exit " + run.exitCode() + ")");
        }
        return new HeapRun(live[0], run.readyMillis(), run.cpuAtReady());
    }

    /** {@return the bytes of the {@code Total} line of a {@code GC.class_histogram}, -1 when there is none} */
    static long histogramTotal(String histogram) {
        return histogram.lines().map(String::strip).filter(line -> line.startsWith("Total"))
                .map(line -> line.split("\\s+")).filter(words -> words.length == 3)
                .mapToLong(words -> Long.parseLong(words[2])).findFirst().orElse(-1);
    }

    private ProcessRun plinth(Path home, String stdin) throws IOException, InterruptedException {
        return ProcessRun.run(plinthCommand(home), stdin, null);
    }

    private List<String> plinthCommand(Path home) {
        return List.of(distribution.resolve("bin/plinth").toString(), "--home", home.toString());
    }

    /** A home with the given startup resources and HTTP on a free port; the ready line comes from stdin. */
    private Path home(String name, List<String> startup) throws IOException {
        Path home = work.resolve(name);
        Files.createDirectories(home.resolve("resources"));
        writeSettings(home, startup, freePort());
        return home;
    }

    private static void writeSettings(Path home, List<String> startup, int port) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        int httpPort = port != 0 ? port : freePort();
        String list = String.join(", ", startup.stream().map(n -> "\"" + n + "\"").toList());
        Files.writeString(home.resolve("conf/server.json"), "{\"StartupResources\": [" + list + "], "
                + "\"http\": {\"port\": " + httpPort + "}}");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ProcessRun median(List<ProcessRun> runs) {
        var sorted = runs.stream().sorted(java.util.Comparator.comparingLong(ProcessRun::totalMillis)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String what, ProcessRun run) {
        System.out.printf(Locale.ROOT, "%-48s ready %6d ms, exit %6d ms, peak RSS %6.1f MiB%s%n", what,
                run.readyMillis(), run.totalMillis(), run.peakRssKib() / 1024.0,
                run.exitCode() == 0 ? "" : " (exit code " + run.exitCode() + ")");
        System.out.printf(Locale.ROOT, "%-48s CPU to ready %s%n", "", describe(run.cpuAtReady()));
    }

    /** {@return CPU time as the table prints it: the total and its parts, in seconds} */
    private static String describe(CpuTime cpu) {
        return String.format(Locale.ROOT, "%5.2f s (JIT compilers %5.2f s, GC %4.2f s, the rest %5.2f s)",
                cpu.totalMillis() / 1000.0, cpu.compilerMillis() / 1000.0, cpu.gcMillis() / 1000.0,
                cpu.restMillis() / 1000.0);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jcmd() {
        return Path.of(java()).resolveSibling("jcmd").toString();
    }

    /** Refuses a command line without the two required arguments. */
    static void check(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: StartupHarness DISTRIBUTION RESULT.json [RUNS]; "
                    + Arrays.toString(args));
        }
    }
}
