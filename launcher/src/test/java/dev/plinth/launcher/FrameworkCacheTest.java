package dev.plinth.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework cache is kept from one start to the next exactly while the installation stays the same. */
class FrameworkCacheTest {

    @TempDir
    Path dir;
    private Path install;
    private Map<String, String> config;

    @BeforeEach
    void installation() throws Exception {
        install = dir.resolve("install");
        Files.createDirectories(install.resolve("bundle"));
        Files.createDirectories(install.resolve("lib"));
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("bundle/a.jar"), "bundle a");
        Files.writeString(install.resolve("lib/felix.jar"), "framework");
        Files.writeString(install.resolve("conf/framework.properties"), "x=1\n");
        config = Map.of(FrameworkCache.STORAGE, dir.resolve("home/data/felix-cache").toString(),
                FrameworkCache.CLEAN, "onFirstInit");
    }

    /** What the framework does at init, then the launcher: the folder exists and the fingerprint is recorded. */
    private void started() throws Exception {
        Files.createDirectories(Path.of(config.get(FrameworkCache.STORAGE)));
        FrameworkCache.of(install, config).record();
    }

    @Test
    void aNewHomesCacheIsBuiltCleanAndTheNextStartKeepsIt() throws Exception {
        FrameworkCache first = FrameworkCache.of(install, config);
        assertFalse(first.reusable());
        assertSame(config, first.configure(config));

        started();

        FrameworkCache again = FrameworkCache.of(install, config);
        assertTrue(again.reusable());
        assertEquals("none", again.configure(config).get(FrameworkCache.CLEAN));
        assertEquals(config.get(FrameworkCache.STORAGE), again.configure(config).get(FrameworkCache.STORAGE));
    }

    @Test
    void aRebuiltBundleCleansTheCache() throws Exception {
        started();
        Files.writeString(install.resolve("bundle/a.jar"), "bundle a, rebuilt");

        assertFalse(FrameworkCache.of(install, config).reusable());
    }

    @Test
    void aBundleOfTheSameSizeWrittenLaterCleansTheCache() throws Exception {
        started();
        Path jar = install.resolve("bundle/a.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));

        assertFalse(FrameworkCache.of(install, config).reusable());
    }

    @Test
    void anAddedOrRemovedBundleCleansTheCache() throws Exception {
        started();
        Files.writeString(install.resolve("bundle/b.jar"), "bundle b");
        assertFalse(FrameworkCache.of(install, config).reusable());

        started();
        Files.delete(install.resolve("bundle/a.jar"));
        assertFalse(FrameworkCache.of(install, config).reusable());
    }

    @Test
    void aChangedFrameworkConfigurationOrLibraryCleansTheCache() throws Exception {
        started();
        Files.writeString(install.resolve("conf/framework.properties"), "x=2\n");
        assertFalse(FrameworkCache.of(install, config).reusable());

        started();
        Files.writeString(install.resolve("lib/felix.jar"), "framework, newer");
        assertFalse(FrameworkCache.of(install, config).reusable());
    }

    @Test
    void withoutAStorageFolderNothingIsReusedOrRecorded() {
        FrameworkCache cache = FrameworkCache.of(install, Map.of());
        cache.record();

        assertFalse(cache.reusable());
        assertEquals(Map.of(), cache.configure(Map.of()));
    }
}
