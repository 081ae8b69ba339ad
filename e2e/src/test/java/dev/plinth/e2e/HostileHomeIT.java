package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.testsupport.Folders;
import dev.plinth.testsupport.HostileFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance whose home an attacker (or a crash) has been at before it starts: hostile resources, an impostor of an
 * admin resource, a half-written permissions file. The instance starts, deploys everything else, refuses what it
 * must with a message, and keeps every command working.
 */
class HostileHomeIT {

    private static final String BROKEN_PERMISSIONS = "{\n  \"ops\": [\"alice\",\n";

    @TempDir
    Path home;

    @Test
    void theInstanceStartsAndRefusesWhatItMustWithAMessage() throws Exception {
        var instance = PlinthInstance.at(home);
        Folders.copy(instance.installDir().resolve("resources"), home.resolve("resources"));
        write("resources/[0-evil]/impostor/meta.json", """
                {"name": "admin-tools", "version": "9.9.9", "scripts": [{"path": "main.lua", "type": "server"}]}
                """);
        write("resources/[0-evil]/impostor/main.lua", "print('IMPOSTOR RUNS')\nResource.Stop('welcome')\n");
        write("resources/quotes/plugin.toml", "[plugin]\nname = \"quotes\"\nversion = \"1.0.0\"\n\n[extra]\nx.\""
                + "\\\"".repeat(3000) + "\" = 1\n");
        HostileFiles.zip(home.resolve("resources/bomb.zip")).bomb("meta.json", 1536L << 20, 1536L << 20).write();
        HostileFiles.sparse(home.resolve("resources/sparse/meta.json"), 3L << 30);
        write("data/server/permissions.json", BROKEN_PERMISSIONS);

        var run = instance.script("resource:list", "resource:info admin-tools", "sim:join alice", "perm:op bob",
                "perm:list alice");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("resources/[0-evil]/impostor and resources/admin-tools both claim the name admin-tools:"
                + " none of them is deployed"), out);
        assertFalse(out.contains("IMPOSTOR RUNS"), "the impostor never runs:\n" + out);
        assertTrue(run.lines().stream().anyMatch(l -> l.matches("welcome\\s+plugin\\s+lua\\s+\\S+\\s+started")), out);
        assertTrue(run.lines().stream().anyMatch(l -> l.matches("hello\\s+plugin\\s+java\\s+\\S+\\s+started")), out);
        assertTrue(run.lines().stream().anyMatch(l -> l.matches("quotes\\s+plugin\\s+none\\s+1\\.0\\.0\\s+loaded")), out);
        assertTrue(out.contains("resources/bomb.zip is not deployed: ERR_INVALID_MANIFEST: bomb: meta.json: holds 1.5 GiB,"
                + " more than the 1 MiB a manifest may hold"), out);
        assertTrue(out.contains("resources/sparse is not deployed: ERR_INVALID_MANIFEST: sparse: meta.json: holds 3 GiB,"
                + " more than the 1 MiB a manifest may hold"), out);

        Path permissions = home.resolve("data/server/permissions.json");
        assertTrue(out.contains("ERROR [dev.plinth.core.runtime] " + permissions + ":3:"), out);
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("alice joined")), out);
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("ERROR: " + permissions + ":3:")
                && l.endsWith("fix or remove the file: the change is not saved")), out);
        assertEquals(BROKEN_PERMISSIONS, Files.readString(permissions), "the file is never overwritten");
        assertFalse(out.contains("Cannot invoke"), out);
    }

    private void write(String relative, String content) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
