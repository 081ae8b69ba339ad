package dev.plinth.benchmarks.packs;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.packs.internal.load.BehaviorPacks;
import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.bedrock.packs.internal.load.PackFiles;
import dev.plinth.bedrock.packs.internal.load.PackLoader;
import dev.plinth.bedrock.packs.internal.molang.PackQueries;
import dev.plinth.testsupport.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading every behavior pack of the shared corpus (37 packs, Microsoft's add-on samples) as the pack host reads
 * them, off the game thread: one pack after the other, each pack's files in parallel, its Molang compiled. One shot
 * per iteration (the first ones pay the JIT's warm-up, as a server's first start does). The target: all of
 * them in 2 s or less on 2 cores.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class PackLoadBenchmark {

    private List<Path> packs;
    private Molang molang;

    /**
     * Finds the corpus packs.
     *
     * @throws IOException when the corpus cannot be read
     */
    @Setup
    public void findPacks() throws IOException {
        packs = BehaviorPacks.below(Corpus.path("bedrock-samples"));
        molang = Molang.builder().withQueries(PackQueries.create()).build();
    }

    /**
     * Reads every pack.
     *
     * @return how many definitions were read
     * @throws IOException when a pack cannot be listed
     */
    @Benchmark
    public int loadEveryCorpusPack() throws IOException {
        int definitions = 0;
        for (Path pack : packs) {
            String name = pack.getFileName().toString();
            try (LoadedPack loaded = PackLoader.load(name, PackFiles.of(pack), molang.scope(name, molang.queries()),
                    PackLoader.Progress.NONE)) {
                definitions += loaded.counts().values().stream().mapToInt(Integer::intValue).sum();
            }
        }
        return definitions;
    }
}
