package dev.plinth.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceHomeTest {

    @TempDir
    Path dir;

    @Test
    void aMissingHomeIsCreatedWithTheDefaultConfig() throws Exception {
        Path install = Files.createDirectories(dir.resolve("install/conf"));
        Files.writeString(install.resolve("server.json"), "{\"default\": true}");
        var home = new InstanceHome(dir.resolve("home"));

        home.prepare(dir.resolve("install"));

        assertTrue(Files.isDirectory(home.resources()));
        assertTrue(Files.isDirectory(home.data()));
        assertEquals("{\"default\": true}", Files.readString(home.conf().resolve("server.json")));
    }

    @Test
    void aNewHomeGetsTheInstallationsResources() throws Exception {
        Path example = Files.createDirectories(dir.resolve("install/resources/[demo]/core"));
        Files.writeString(example.resolve("resource.toml"), "version = \"1.0.0\"");
        var home = new InstanceHome(dir.resolve("home"));

        home.prepare(dir.resolve("install"));

        assertEquals("version = \"1.0.0\"", Files.readString(home.resources().resolve("[demo]/core/resource.toml")));
    }

    @Test
    void anExistingResourcesFolderIsLeftAsItIs() throws Exception {
        Files.createDirectories(dir.resolve("install/resources/welcome"));
        var home = new InstanceHome(dir.resolve("home"));
        Files.createDirectories(home.resources());

        home.prepare(dir.resolve("install"));

        assertTrue(Files.notExists(home.resources().resolve("welcome")));
    }

    @Test
    void anExistingConfigIsNeverOverwritten() throws Exception {
        Path install = Files.createDirectories(dir.resolve("install/conf"));
        Files.writeString(install.resolve("server.json"), "{\"default\": true}");
        var home = new InstanceHome(dir.resolve("home"));
        Files.createDirectories(home.conf());
        Files.writeString(home.conf().resolve("server.json"), "{\"mine\": true}");

        home.prepare(dir.resolve("install"));

        assertEquals("{\"mine\": true}", Files.readString(home.conf().resolve("server.json")));
    }
}
