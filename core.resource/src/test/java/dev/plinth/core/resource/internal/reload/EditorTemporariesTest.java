package dev.plinth.core.resource.internal.reload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.internal.deploy.EditorTemporaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The files editors and tools leave beside the one being edited are temporaries; the files of a resource are not. */
class EditorTemporariesTest {

    @ParameterizedTest
    @ValueSource(strings = {".main.lua.swp", ".main.lua.swo", ".main.lua.swx", "4913", "main.lua~", ".main.lua.un~",
        "#main.lua#", ".#main.lua", "main.lua___jb_tmp___", "main.lua___jb_old___", "main.lua.kate-swp",
        ".goutputstream-ABC123", "sedAb12Cd", ".~lock.notes.odt#", "bundle.jar.part", "config.json.tmp",
        ".config.json123.tmp", "x.temp", "big.zip.crdownload", ".DS_Store", "Thumbs.db", "desktop.ini"})
    void editorAndToolTemporariesAreRecognized(String name) {
        assertTrue(EditorTemporaries.isTemporary(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.lua", "plugin.toml", "index.ts", "server.js", "module.wasm", "meta.json", "swp.lua",
        "sediment", ".gitignore", "temple.lua", "README.md", "4914"})
    void aResourcesOwnFilesAreNot(String name) {
        assertFalse(EditorTemporaries.isTemporary(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lib/.util.lua.swp", "#draft#/main.lua", "client/hud.js~"})
    void aPathWithATemporaryPartIsOne(String path) {
        assertTrue(EditorTemporaries.isTemporaryPath(path), path);
    }
}
