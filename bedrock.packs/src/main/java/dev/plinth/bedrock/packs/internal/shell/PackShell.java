package dev.plinth.bedrock.packs.internal.shell;

import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_ARGUMENT;
import static dev.plinth.core.runtime.simulation.SimulationException.NOT_FOUND;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.plinth.bedrock.packs.internal.definition.Definition;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.host.ActivePack;
import dev.plinth.bedrock.packs.internal.host.PackHost;
import dev.plinth.bedrock.packs.internal.host.PackScript;
import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.shell.CommandUsage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell scope {@code pack}: the started behavior packs and their definitions. Failures print
 * {@code ERROR: ERR_...: ...}.
 */
@Component(service = PackShell.class, property = {"osgi.command.scope=pack", "osgi.command.function=list",
    "osgi.command.function=info", "osgi.command.function=show"})
public final class PackShell {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String NL = System.lineSeparator();
    private static final String SCOPE = "pack";

    private final PackHost host;

    /**
     * Creates the commands.
     *
     * @param host the behavior pack host
     */
    @Activate
    public PackShell(@Reference PackHost host) {
        this.host = host;
    }

    /**
     * {@code pack:list}.
     *
     * @return one line per started pack
     */
    @Descriptor("lists the started behavior packs: modules, definitions of each kind, files skipped")
    public String list() {
        List<ActivePack> packs = OnGame.call(host.gameThread(), () -> host.registry().packs());
        if (packs.isEmpty()) {
            return "no behavior pack is started";
        }
        var lines = new ArrayList<String>();
        for (ActivePack pack : packs) {
            LoadedPack loaded = pack.loaded();
            var counts = new ArrayList<String>();
            loaded.counts().forEach((kind, n) -> counts.add(n + " " + kind.id()));
            lines.add(loaded.name() + " (" + pack.modules().types() + "): " + (counts.isEmpty() ? "no definitions" : String.join(", ", counts))
                    + "; " + loaded.failures().size() + " file(s) skipped");
        }
        return String.join(NL, lines);
    }

    /**
     * {@code pack:info PACK}.
     *
     * @param name the pack
     * @return its definitions, skipped files and kept parts
     */
    @Descriptor("shows a started pack: its modules, its definitions by kind, the files it skipped and why, what it "
            + "keeps without simulating (unknown components...), the folders it does not read")
    public String info(@Descriptor("the pack's resource name") String name) {
        ActivePack pack = OnGame.call(host.gameThread(), () -> host.registry().pack(name))
                .orElseThrow(() -> new SimulationException(NOT_FOUND, "no started behavior pack '" + name + "'"));
        LoadedPack loaded = pack.loaded();
        var lines = new ArrayList<String>();
        lines.add("pack " + loaded.name() + ": " + loaded.files() + " files read in " + loaded.millis() + " ms");
        lines.add("modules: " + pack.modules().modules().size());
        pack.modules().describe().forEach(module -> lines.add("  " + module));
        pack.modules().scriptEntry().ifPresent(entry -> lines.add("script: " + entry
                + (pack.script().map(PackScript::running).orElse(false) ? " (running)" : " (not running: see the log)")));
        loaded.definitions().forEach((kind, definitions) -> {
            if (!definitions.isEmpty()) {
                lines.add(kind.id() + " (" + definitions.size() + "): " + String.join(", ", definitions.keySet()));
            }
        });
        lines.add("skipped files: " + loaded.failures().size());
        loaded.failures().forEach(failure -> lines.add("  " + failure));
        lines.add("kept, not simulated: " + loaded.kept().size());
        loaded.kept().forEach((what, count) -> lines.add("  " + what + (count > 1 ? " (x" + count + ")" : "")));
        if (!loaded.otherFolders().isEmpty()) {
            lines.add("folders not read: " + loaded.otherFolders());
        }
        return String.join(NL, lines);
    }

    /**
     * {@code pack:show KIND ID}.
     *
     * @param kindName the kind
     * @param id the id
     * @return the definition
     */
    @Descriptor("shows a loaded definition: what Plinth makes of it, then its JSON (pack:show entity custom:guard)")
    public String show(@Descriptor("entity, item, block, recipe, loot_table, trade_table, spawn_rule, feature, "
            + "feature_rule, animation_controller, animation or function") String kindName,
            @Descriptor("its id (a path for loot and trade tables and functions)") String id) {
        DefinitionKind kind = DefinitionKind.byId(kindName).orElseThrow(() -> new SimulationException(
                INVALID_ARGUMENT, "unknown kind '" + kindName + "': use " + String.join(", ",
                        Arrays.stream(DefinitionKind.values()).map(DefinitionKind::id).toList())));
        Definition definition = OnGame.call(host.gameThread(), () -> host.registry().anywhere(kind, id,
                Definition.class)).orElseThrow(() -> new SimulationException(NOT_FOUND, "no " + kind.id() + " '"
                        + id + "' in a started pack"));
        var lines = new ArrayList<>(definition.summary());
        try {
            lines.add(JSON.writeValueAsString(definition.json()));
        } catch (JsonProcessingException e) {
            lines.add(definition.json().toString());
        }
        return String.join(NL, lines);
    }

    /** Missing or wrong arguments: the usage. */
    public Object list(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "list");
    }

    /** Missing or wrong arguments: the usage. */
    public Object info(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "info");
    }

    /** Missing or wrong arguments: the usage. */
    public Object show(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "show");
    }
}
