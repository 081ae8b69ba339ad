package dev.plinth.core.runtime.internal.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.internal.config.ConfigFiles;
import dev.plinth.core.runtime.internal.settings.ServerConfig;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.testing.TestLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permissions: default deny, operators, grants and wildcards, groups, saved at once and read back. */
class PermissionStoreTest {

    @TempDir
    Path home;

    private final TestLogger log = new TestLogger();

    private PermissionStore store(ServerConfig.Permissions groups) {
        var settings = new ServerSettings(Optional.of(home), new ServerConfig(null, null, groups, null, null));
        return new PermissionStore(settings, new ConfigFiles(), log.logger());
    }

    private PermissionStore store() {
        return store(null);
    }

    @Test
    void everythingIsDeniedByDefault() {
        assertFalse(store().has("alice", "hello.command.greet"));
    }

    @Test
    void anOperatorHoldsEveryNodeUntilDeopped() {
        var store = store();
        assertTrue(store.op("Alice"));
        assertFalse(store.op("alice"), "names ignore case");
        assertTrue(store.has("ALICE", "anything.at.all"));
        assertTrue(store.deop("alice"));
        assertFalse(store.has("alice", "anything.at.all"));
    }

    @Test
    void grantsCoverTheirNodeAndWildcardsEverythingBelow() {
        var store = store();
        store.grant("alice", "hello.command.greet");
        store.grant("bob", "hello.*");
        store.grant("carol", "*");

        assertTrue(store.has("alice", "hello.command.greet"));
        assertFalse(store.has("alice", "hello.command.other"));
        assertTrue(store.has("bob", "hello.command.other"));
        assertFalse(store.has("bob", "other.command"));
        assertTrue(store.has("carol", "other.command"));
        assertTrue(store.revoke("alice", "hello.command.greet"));
        assertFalse(store.has("alice", "hello.command.greet"));
        assertFalse(store.revoke("alice", "hello.command.greet"));
    }

    @Test
    void groupsFromTheServerSettingsApplyToTheirMembersAndDefaultToEveryone() {
        var store = store(new ServerConfig.Permissions(
                Map.of("default", List.of("hello.command.greet"), "builder", List.of("build.*", "Bad Node")),
                Map.of("builder", List.of("Bob"))));

        assertTrue(store.has("anyone", "hello.command.greet"));
        assertTrue(store.has("bob", "build.place.stone"));
        assertFalse(store.has("alice", "build.place.stone"));
        assertEquals(List.of("builder", "default"), store.groups("bob"));
        assertEquals(Set.of("build.*"), store.groupGrants("builder"));
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("'Bad Node' is not a permission node")));
    }

    @Test
    void changesAreSavedAndReadBackByTheNextServer() throws Exception {
        var store = store();
        store.op("alice");
        store.grant("bob", "hello.*");
        assertTrue(Files.readString(home.resolve("data/server/permissions.json")).contains("hello.*"));

        var next = store();
        assertTrue(next.isOp("alice"));
        assertEquals(Set.of("hello.*"), next.grants("bob"));
    }

    @Test
    void malformedNodesAreRefused() {
        var store = store();
        assertThrows(IllegalArgumentException.class, () -> store.grant("alice", "Hello World"));
        assertThrows(IllegalArgumentException.class, () -> store.has("alice", "hello.*"));
    }

    @Test
    void aMalformedSavedFileIsReportedWithItsLineAndNeverOverwrittenWhileTheStoreStaysUp() throws Exception {
        Path file = writeSaved("{\n  \"ops\": [\"alice\",\n}");

        var store = store();

        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("ERROR " + file + ":3:")), log.lines().toString());
        assertFalse(store.has("alice", "hello.command.greet"), "nothing of a file that cannot be read is in effect");
        var refused = assertThrows(ConfigException.class, () -> store.op("bob"));
        assertTrue(refused.getMessage().startsWith(file + ":3:"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("fix or remove the file: the change is not saved"),
                refused.getMessage());
        assertFalse(store.isOp("bob"));
        assertEquals("{\n  \"ops\": [\"alice\",\n}", Files.readString(file), "the file is never overwritten");
    }

    @Test
    void anEmptyOrNullFilledSavedFileIsReportedAsWell() throws Exception {
        for (String content : List.of("", "{\"grants\": {\"bob\": null}}", "{\"ops\": [null]}", "null")) {
            Path file = writeSaved(content);

            var store = store();

            var refused = assertThrows(ConfigException.class, () -> store.grant("bob", "hello.*"), content);
            assertTrue(refused.getMessage().startsWith(file + ":"), refused.getMessage());
            assertEquals(content, Files.readString(file));
        }
    }

    @Test
    void aSavedFileFixedOnDiskIsReadAtTheNextChange() throws Exception {
        Path file = writeSaved("{ broken");
        var store = store();

        Files.writeString(file, "{\"ops\": [\"alice\"]}");
        assertTrue(store.op("bob"));

        assertTrue(store.isOp("alice"), "the fixed file is read");
        assertTrue(store.isOp("bob"));
        assertTrue(Files.readString(file).contains("bob"));
    }

    private Path writeSaved(String content) throws Exception {
        Path file = home.resolve("data/server/permissions.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
