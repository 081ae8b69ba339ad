package dev.plinth.bedrock.molang.internal.shell;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangDiagnostic;
import dev.plinth.bedrock.molang.MolangException;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.world.MolangWorld;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.tick.GameThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell scope {@code molang}: {@code molang:eval} evaluates an expression, against an entity of the world or
 * the console's own variables; {@code molang:check} compiles every line of a file, as a linter. A compile error
 * is thrown, so the console prints it after {@code ERROR:}.
 *
 * <p>Called on the shell's thread: compiling happens there, evaluating on the game thread.
 */
@Component(service = MolangShell.class, property = {
    "osgi.command.scope=molang", "osgi.command.function=eval", "osgi.command.function=check"})
public final class MolangShell {

    /** The largest file {@code molang:check} reads. */
    static final long MAX_CHECK_BYTES = 16L << 20;

    static final String EVAL_USAGE = "usage: molang:eval EXPRESSION [entity ID]  (quote the expression: "
            + "molang:eval \"math.sin(q.life_time * 360)\" entity 1)";
    static final String CHECK_USAGE = "usage: molang:check FILE  (one expression or program a line, an embedded "
            + "newline written \\n)";

    private final MolangWorld world;
    private final GameThread gameThread;
    private final Server server;
    private final MolangContext console;
    private MolangQueries compiledWith;
    private MolangScope scope;

    /**
     * Creates the commands.
     *
     * @param world the server's Molang
     * @param gameThread where expressions are evaluated
     * @param server the server, to find entities
     */
    @Activate
    public MolangShell(@Reference MolangWorld world, @Reference GameThread gameThread, @Reference Server server) {
        this.world = world;
        this.gameThread = gameThread;
        this.server = server;
        Molang molang = world.molang();
        this.console = molang.newContext("console", molang.newVariables());
        this.compiledWith = world.queries();
        this.scope = molang.scope("shell", compiledWith);
    }

    /** Closes the shell's scope: its classes go. */
    @Deactivate
    public synchronized void close() {
        scope.close();
    }

    /** The scope to compile in, opened again when the registered queries changed. */
    private synchronized MolangScope scope() {
        MolangQueries current = world.queries();
        if (current != compiledWith) {
            scope.close();
            compiledWith = current;
            scope = world.molang().scope("shell", current);
        }
        return scope;
    }

    /**
     * {@code molang:eval} without arguments.
     *
     * @return the usage
     */
    @Descriptor("evaluate a Molang expression (usage)")
    public String eval() {
        return EVAL_USAGE;
    }

    /**
     * {@code molang:eval EXPRESSION [entity ID]}.
     *
     * @param words the expression, then optionally {@code entity} and an entity id
     * @return the value, then the compiler's notes
     * @throws MolangException when the expression does not compile or fails
     * @throws IllegalArgumentException when the entity is missing or its id is not a number
     * @throws InterruptedException when the shell is stopped while it waits for the game thread
     */
    @Descriptor("evaluate a Molang expression, against an entity (entity ID) or the console's own variables")
    public String eval(@Descriptor("the expression (quoted), then optionally: entity ID") String... words)
            throws InterruptedException {
        if (words.length == 0 || String.join("", words).isBlank()) {
            return EVAL_USAGE;
        }
        Optional<Long> entity = Optional.empty();
        List<String> expression = Arrays.asList(words);
        int n = words.length;
        if (n >= 3 && words[n - 2].equals("entity")) {
            try {
                entity = Optional.of(Long.parseLong(words[n - 1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("an entity id is a number, not '" + words[n - 1] + "'");
            }
            expression = expression.subList(0, n - 2);
        }
        MolangExpression compiled = scope().compile(String.join(" ", expression));
        Optional<Long> target = entity;
        MolangValue value = onGameThread(() -> compiled.evaluateValue(target.map(this::entityContext).orElse(console)));
        var out = new StringBuilder(value.toString());
        for (MolangDiagnostic note : compiled.diagnostics()) {
            out.append(System.lineSeparator()).append("note: ").append(note);
        }
        return out.toString();
    }

    private MolangContext entityContext(long id) {
        Entity entity = server.entity(id).orElseThrow(() -> new IllegalArgumentException("no entity " + id
                + " on the server"));
        return world.context(entity);
    }

    private <T> T onGameThread(Callable<T> work) throws InterruptedException {
        try {
            return gameThread.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * {@code molang:check} without arguments.
     *
     * @return the usage
     */
    @Descriptor("compile every line of a file of Molang (usage)")
    public String check() {
        return CHECK_USAGE;
    }

    /**
     * {@code molang:check FILE}.
     *
     * @param file the file: one expression or program a line, an embedded newline written {@code \n}
     * @return each failure with its line, the unknown queries, then {@code N compiled, M failed}
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is missing or larger than 16 MiB
     */
    @Descriptor("compile every line of a file (one expression or program a line) and print each failure")
    public String check(@Descriptor("the file to check") String file) throws IOException {
        Path path = Path.of(file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (Files.size(path) > MAX_CHECK_BYTES) {
            throw new IllegalArgumentException(path + " is larger than " + (MAX_CHECK_BYTES >> 20) + " MiB");
        }
        List<String> lines = Files.readAllLines(path);
        var out = new ArrayList<String>();
        var unknown = new TreeSet<String>();
        int compiled = 0;
        int failed = 0;
        try (MolangScope check = world.molang().scope("check", world.queries())) {
            for (int i = 0; i < lines.size(); i++) {
                String source = lines.get(i).replace("\\n", "\n");
                if (source.isBlank()) {
                    continue;
                }
                try {
                    for (MolangDiagnostic note : check.compile(source).diagnostics()) {
                        unknown.add(note.message().replaceAll("^unknown \\w+ '([^']*)'.*", "$1"));
                    }
                    compiled++;
                } catch (MolangException e) {
                    failed++;
                    out.add("line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        if (!unknown.isEmpty()) {
            out.add("unknown (they evaluate to 0): " + String.join(", ", unknown));
        }
        out.add(compiled + " compiled, " + failed + " failed");
        return String.join(System.lineSeparator(), out);
    }
}
