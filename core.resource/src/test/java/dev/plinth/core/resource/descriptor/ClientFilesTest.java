package dev.plinth.core.resource.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** Which files of a resource are its clients', by each rule of a resource.toml's client entry and client files. */
class ClientFilesTest {

    /** alt:V's resource.toml with this client entry and these client files. */
    private static ResourceDescriptor resourceToml(Optional<String> clientMain, String... clientFiles) {
        var entries = new java.util.ArrayList<String>();
        clientMain.ifPresent(entries::add);
        entries.addAll(List.of(clientFiles));
        return new ResourceDescriptor("hud", ManifestFormat.RESOURCE_TOML, "resource.toml", ResourceType.SCRIPT,
                Language.JS, new Version(1, 0, 0), "", "", Optional.of("server/index.js"), List.of(), List.of(),
                entries, List.of(), Map.of(), ResourceLimits.NONE, new FormatDetails.ResourceToml("js", clientMain));
    }

    private static ClientFiles of(String... clientFiles) {
        return ClientFiles.of(resourceToml(Optional.empty(), clientFiles));
    }

    /** Asserts that these paths are the clients'. */
    private static void taken(ClientFiles files, String... paths) {
        for (String path : paths) {
            assertTrue(files.contains(path), path + " is the clients'");
        }
    }

    /** Asserts that these paths are not the clients'. */
    private static void left(ClientFiles files, String... paths) {
        for (String path : paths) {
            assertFalse(files.contains(path), path + " is not the clients'");
        }
    }

    @Test
    void theClientFolderIsAlwaysTheClients() {
        taken(of(), "client/index.js", "client/ui/deep/hud.js");
        left(of(), "server/index.js", "clients.js");
    }

    @Test
    void theClientEntryIsTheClients() {
        ClientFiles files = ClientFiles.of(resourceToml(Optional.of("hud.js")));

        taken(files, "hud.js");
        left(files, "hud.json", "lib/hud.js");
    }

    @Test
    void aPatternEndingInSlashStarTakesItsFolderAtAnyDepth() {
        taken(of("ui/*"), "ui/menu.js", "ui/widgets/button/index.js");
        left(of("ui/*"), "ui.js", "uikit/menu.js");
    }

    @Test
    void doubleStarCrossesFoldersAndStarDoesNot() {
        ClientFiles files = of("ui/**", "textures/*.png");

        taken(files, "ui/menu.js", "ui/widgets/button.js", "textures/a.png");
        left(files, "textures/deep/b.png", "textures/readme.txt");
    }

    @Test
    void aPlainNameIsAFileOrAFolderAndEverythingBelowIt() {
        ClientFiles files = of("config.json", "forms");

        taken(files, "config.json", "forms", "forms/login/view.js");
        left(files, "server/config.json", "forms.js");
    }

    @Test
    void aTrailingSlashTakesTheFolder() {
        taken(of("html/"), "html/index.html", "html/css/site.css");
        left(of("html/"), "html.js", "html");
    }

    @Test
    void aLeadingDotSlashAndBackslashesAreReadAsPlainPaths() {
        ClientFiles files = of("./ui/", "assets\\*", ".\\sounds\\*.ogg");

        taken(files, "ui/menu.js", "assets/icons/a.png", "sounds/click.ogg", "./ui/menu.js", "ui\\menu.js");
        left(files, "sounds/deep/click.ogg", "server.js");
    }

    @Test
    void aPatternThatIsNotAGlobIsRefusedWithItsFieldOrTakesNothing() {
        var descriptor = resourceToml(Optional.empty(), "textures/[a-", "ui/*");

        var failure = assertThrows(ManifestException.class, () -> ClientFiles.of(descriptor));
        assertEquals(ResourceErrorCode.ERR_INVALID_MANIFEST, failure.code());
        assertEquals(Optional.of("client-files"), failure.field());
        assertTrue(failure.getMessage().contains("'textures/[a-'"), failure.getMessage());

        ClientFiles valid = ClientFiles.ofValidPatterns(descriptor);
        taken(valid, "ui/menu.js", "client/index.js");
        left(valid, "textures/[a-", "textures/a");
    }
}
