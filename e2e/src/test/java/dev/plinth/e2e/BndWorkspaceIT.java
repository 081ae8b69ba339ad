package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.build.Container;
import aQute.bnd.build.Project;
import aQute.bnd.build.Workspace;
import dev.plinth.testsupport.Folders;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * bndtools: the repository's {@code cnf/} is a bnd workspace in which {@code bndtools.example} (a plugin in bnd's own
 * layout) resolves its build path and is built with bnd's Workspace API, as bndtools builds it (the IDE compiles
 * against the build path bnd resolves, bnd makes the bundle); the bundle is then deployed and started by Plinth.
 */
class BndWorkspaceIT {

    private static final String PROJECT = "bndtools.example";

    @Test
    void theExamplePluginBuiltByBndIsDeployedAndStartedByPlinth() throws Exception {
        Path root = Path.of(System.getProperty("plinth.root", ".."));
        Path workspace = Files.createDirectories(Path.of("target/bnd-workspace-" + System.nanoTime()));
        Folders.copy(root.resolve("cnf"), workspace.resolve("cnf"));
        Folders.copy(root.resolve(PROJECT), workspace.resolve(PROJECT));

        Path bundle = build(workspace, Path.of(System.getProperty("plinth.bnd.repo", "target/bnd-repo")));

        try (var jar = new JarFile(bundle.toFile())) {
            var main = jar.getManifest().getMainAttributes();
            assertEquals(PROJECT, main.getValue("Bundle-SymbolicName"));
            assertTrue(main.getValue("Provide-Capability").contains("plinth.resource;plinth.resource=bnd-waver;"),
                    main.getValue("Provide-Capability"));
            assertTrue(main.getValue("Service-Component") != null, "the component is declared");
        }
        Path home = workspace.resolve("home");
        Files.createDirectories(home.resolve("resources"));
        Files.copy(bundle, home.resolve("resources").resolve(PROJECT + ".jar"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), "{\"StartupResources\": [\"bnd-waver\"]}");

        var run = PlinthInstance.at(home).script("resource:list", "sim:join alice", "sim:command alice wave",
                "sim:inbox alice");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.lines().stream().anyMatch(l -> l.matches("bnd-waver\\s+plugin\\s+java\\s+1\\.0\\.0\\s+started")),
                run.output());
        assertTrue(run.lines().contains("/wave: executed"), run.output());
        assertTrue(run.output().contains("*waves at alice*"), run.output());
    }

    /** What bndtools does: resolve the build path in the workspace, compile against it, and let bnd make the bundle. */
    private static Path build(Path root, Path plinthRepository) throws Exception {
        try (var workspace = new Workspace(root.toFile())) {
            workspace.setProperty("plinth.maven.repo", plinthRepository.toAbsolutePath().toString());
            workspace.setOffline(true);
            Project project = workspace.getProject(PROJECT);
            assertTrue(project != null, "the workspace sees " + PROJECT);
            List<String> classpath = new ArrayList<>();
            for (Container container : project.getBuildpath()) {
                assertTrue(container.getError() == null, container + ": " + container.getError());
                classpath.add(container.getFile().getAbsolutePath());
            }
            assertTrue(project.isOk() && workspace.isOk(), "the build path resolves: " + project.getErrors() + " "
                    + workspace.getErrors());
            compile(project, classpath);
            File[] built = project.build();
            assertTrue(project.isOk() && built != null && built.length == 1, "bnd builds the bundle: "
                    + project.getErrors() + " " + project.getWarnings());
            return built[0].toPath();
        }
    }

    private static void compile(Project project, List<String> classpath) throws Exception {
        List<String> sources;
        try (var files = Files.walk(project.getSrc().toPath())) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        File output = project.getOutput();
        Files.createDirectories(output.toPath());
        var arguments = new ArrayList<>(List.of("--release", "25", "-d", output.getAbsolutePath(), "-cp",
                String.join(File.pathSeparator, classpath)));
        arguments.addAll(sources);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)),
                "the example compiles against the build path bnd resolved");
    }
}
