package dev.plinth.itest.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.content.GameContent;
import dev.plinth.core.runtime.content.GameContent.ContentIds;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.ResourceHome;
import dev.plinth.testsupport.RequiresCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * Every pack of the shared corpus (Microsoft's add-on samples: 37 behavior packs and the resource packs they depend
 * on, each pair naming the other as a dependency, as Bedrock add-ons do) is deployed unmodified as a resource into a
 * real framework and every behavior pack starts on the Bedrock host: its entities, items and blocks register in the
 * world, its recipes, loot tables and spawn rules in the pack host, with no file skipped.
 */
@RequiresCorpus(ResourceHome.BEDROCK_SAMPLES)
class CorpusPacksInFrameworkTest {

    private static final Pattern BEHAVIOR_MODULE = Pattern.compile("\"type\"\\s*:\\s*\"(data|script)\"");
    private static final Pattern LISTED = Pattern.compile("^(corpus-\\d+) \\(([^)]*)\\): (.*); (\\d+) file\\(s\\) skipped$");
    private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z_]+)");

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices services = new RuntimeServices(
            FrameworkUtil.getBundle(CorpusPacksInFrameworkTest.class).getBundleContext());

    @AfterEach
    void cleanUp() throws Exception {
        home.close();
        services.close();
    }

    @Test
    void everyCorpusBehaviorPackStartsAndRegistersItsContent() throws Exception {
        List<Path> manifests;
        try (Stream<Path> walk = Files.walk(home.bedrockSamples())) {
            manifests = walk.filter(p -> p.getFileName().toString().equals("manifest.json")).sorted().toList();
        }
        var behavior = new ArrayList<String>();
        var names = new ArrayList<String>();
        for (Path manifest : manifests) {
            String name = "corpus-%02d".formatted(names.size() + 1);
            home.copy(manifest.getParent(), name);
            names.add(name);
            if (BEHAVIOR_MODULE.matcher(Files.readString(manifest, StandardCharsets.UTF_8)).find()) {
                behavior.add(name);
            }
        }
        assertEquals(37, behavior.size());
        names.forEach(home::awaitListed);

        var refused = new ArrayList<String>();
        for (String name : behavior) {
            try {
                home.service.start(name);
            } catch (RuntimeException e) {
                refused.add(e.getMessage());
            }
        }
        assertEquals(List.of(), refused);
        for (String name : behavior) {
            assertEquals(ResourceState.STARTED, home.service.info(name).state(),
                    name + ": " + home.service.diagnose(name));
        }

        String listed = shell().execute("pack:list").toString();
        var totals = new TreeMap<String, Integer>();
        int packs = 0;
        for (String line : listed.lines().toList()) {
            Matcher m = LISTED.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals("0", m.group(4), line);
            Matcher count = COUNT.matcher(m.group(3));
            while (count.find()) {
                totals.merge(count.group(2), Integer.parseInt(count.group(1)), Integer::sum);
            }
            packs++;
        }
        assertEquals(37, packs, listed);
        // the same counts as reading the packs (bedrock.packs' CorpusPacksTest): every definition reached its host
        assertEquals(Map.of("entity", 54, "item", 41, "block", 35, "recipe", 15, "loot_table", 25, "spawn_rule", 12,
                "feature", 54, "feature_rule", 28, "animation_controller", 3, "animation", 7), totals, listed);

        ContentIds ids = services.await(GameThread.class).submit(() -> services.await(GameContent.class).ids())
                .get(10, TimeUnit.SECONDS);
        System.out.printf("corpus packs in the framework: %d behavior packs started, %s; in the world %d entity, "
                + "%d item and %d block types%n", packs, totals, ids.entities().size(), ids.items().size(),
                ids.blocks().size());
        // the distinct identifiers the world can name: several samples are steps of one add-on with the same ids
        assertEquals(List.of(46, 35, 29), List.of(ids.entities().size(), ids.items().size(), ids.blocks().size()),
                ids.toString());
        assertTrue(ids.entities().containsAll(List.of("sample:robot", "mcl:phoenix", "mikeamm_gwve:gray_wave")), ids
                .toString());
    }

    private CommandSession shell() {
        return services.await(CommandProcessor.class).createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }
}
