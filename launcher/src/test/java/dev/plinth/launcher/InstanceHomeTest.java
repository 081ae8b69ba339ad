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
