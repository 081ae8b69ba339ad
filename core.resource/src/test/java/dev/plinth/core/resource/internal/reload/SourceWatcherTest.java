package dev.plinth.core.resource.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** The watcher names the resource a change belongs to, at once, and keeps quiet about editors' temporaries. */
class SourceWatcherTest {

    @TempDir
    Path resources;

    private final LinkedBlockingQueue<Optional<String>> changes = new LinkedBlockingQueue<>();

    private static Logger log() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
    }

    @Test
    void aPathBelongsToItsFirstPartThatIsNoCategory() {
        assertEquals(Optional.of("chat"), SourceWatcher.sourceOf("chat/lib/util.lua"));
        assertEquals(Optional.of("[gameplay]/[pvp]/arena"), SourceWatcher.sourceOf("[gameplay]/[pvp]/arena/main.lua"));
        assertEquals(Optional.of("plugin.jar"), SourceWatcher.sourceOf("plugin.jar"));
        assertEquals(Optional.empty(), SourceWatcher.sourceOf("[gameplay]"));
    }

    @Test
    void aWriteIsReportedAsItsResourceAndTemporariesAreNot() throws Exception {
        Files.createDirectories(resources.resolve("[gameplay]/chat/lib"));
        Files.writeString(resources.resolve("[gameplay]/chat/main.lua"), "-- v1");
        try (var watcher = SourceWatcher.start(resources, changes::add, log()).orElseThrow()) {
            Files.writeString(resources.resolve("[gameplay]/chat/.main.lua.swp"), "swap");
            Files.writeString(resources.resolve("[gameplay]/chat/main.lua~"), "backup");
            Files.writeString(resources.resolve("[gameplay]/chat/lib/util.lua"), "-- util");

            assertEquals(Optional.of("[gameplay]/chat"), changes.poll(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            assertTrue(changes.stream().allMatch(c -> c.equals(Optional.of("[gameplay]/chat"))), changes.toString());
        }
    }

    @Test
    void aFolderCreatedLaterIsWatchedToo() throws Exception {
        try (var watcher = SourceWatcher.start(resources, changes::add, log()).orElseThrow()) {
            Files.createDirectories(resources.resolve("hud/client"));
            assertEquals(Optional.of("hud"), changes.poll(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            changes.clear();

            Files.writeString(resources.resolve("hud/client/hud.js"), "// hud");

            assertEquals(Optional.of("hud"), changes.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void onlyTemporariesChangingIsNoChange() throws Exception {
        Files.createDirectories(resources.resolve("chat"));
        try (var watcher = SourceWatcher.start(resources, changes::add, log()).orElseThrow()) {
            Files.writeString(resources.resolve("chat/#main.lua#"), "emacs");
            Files.writeString(resources.resolve("chat/4913"), "vim");
            Files.delete(resources.resolve("chat/4913"));

            assertFalse(changes.poll(500, TimeUnit.MILLISECONDS) instanceof Optional<String> change && change.isPresent(),
                    changes.toString());
        }
    }
}
