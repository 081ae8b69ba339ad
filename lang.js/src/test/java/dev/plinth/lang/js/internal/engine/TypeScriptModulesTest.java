package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.js.internal.typescript.TranspileCache;
import dev.plinth.lang.js.internal.typescript.TypeScriptCompiler;
import dev.plinth.lang.js.internal.typescript.TypeScriptFiles;
import dev.plinth.lang.js.internal.typescript.TypeScriptLines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TypeScript modules run through TypeScript's own compiler on the shared engine: types stripped, {@code .ts} imports
 * found the way TypeScript finds them, errors at the {@code .ts} file and line, and a module compiled once per content.
 */
class TypeScriptModulesTest {

    static TestRuntime runtime;
    static TypeScriptCompiler compiler;

    @TempDir
    Path cacheFolder;

    @BeforeAll
    static void engine() {
        runtime = new TestRuntime();
        compiler = new TypeScriptCompiler(runtime.runtime.engine());
    }

    @AfterAll
    static void close() {
        compiler.close();
        runtime.close();
    }

    /** A resource whose files are read through the TypeScript compiler, as the host reads them. */
    private JsScript script(TestModules modules, TranspileCache cache) {
        var lines = new TypeScriptLines();
        var files = new TypeScriptFiles("demo", modules.own(), cache, path -> path, lines);
        ModuleRoots roots = new ModuleRoots() {
            @Override
            public ModuleFiles own() {
                return files;
            }

            @Override
            public SourceLines lines() {
                return lines;
            }

            @Override
            public Optional<String> builtin(String specifier) {
                return modules.builtin(specifier);
            }

            @Override
            public ModRoot mod(String id) throws ImportRefusedException {
                return modules.mod(id);
            }
        };
        return runtime.builder("demo", roots).build();
    }

    private TranspileCache cache() {
        return new TranspileCache(compiler, Optional.of(cacheFolder));
    }

    @Test
    void typesAreStrippedAndImportsFindTheirTypeScriptFiles() {
        var modules = new TestModules()
                .file("main.ts", """
                        import { add } from './math.js';
                        import { Shape, area } from './shapes';
                        interface Named { name: string }
                        const square: Shape = { kind: 'square', side: 5 };
                        export const answer: number = add(area(square), 17);
                        export function greet<T extends Named>(who: T): string { return `hi ${who.name}`; }
                        """)
                .file("math.ts", "export const add = (a: number, b: number): number => a + b;\n")
                .file("shapes.ts", """
                        export type Shape = { kind: 'square'; side: number };
                        export enum Unit { Block = 1 }
                        export function area(s: Shape): number { return s.side * s.side * Unit.Block; }
                        """);
        try (JsScript script = script(modules, cache())) {
            var ns = script.evalModule("main.ts");

            assertEquals(Integer.valueOf(42), script.call(Budget.CALL, c -> ns.getMember("answer").asInt()));
            assertEquals("hi Steve", script.call(Budget.CALL, c -> ns.getMember("greet")
                    .execute(org.graalvm.polyglot.proxy.ProxyObject.fromMap(
                            new java.util.HashMap<>(java.util.Map.of("name", "Steve")))).asString()));
        }
    }

    @Test
    void aRuntimeErrorNamesTheTypeScriptFileAndLine() {
        var modules = new TestModules()
                .file("main.ts", """
                        import { check } from './rules';
                        export function run(): void {
                          check(-1);
                        }
                        """)
                .file("rules.ts", """
                        // rules, with types that compile to nothing
                        interface Rule {
                          min: number;
                          max: number;
                        }
                        type Checked = number;

                        const rule: Rule = { min: 0, max: 10 };
                        export function check(value: number): Checked {
                          if (value < rule.min) {
                            throw new RangeError(`below ${rule.min}`);
                          }
                          return value;
                        }
                        """);
        try (JsScript script = script(modules, cache())) {
            var ns = script.evalModule("main.ts");

            var e = assertThrows(JsRuntimeException.class, () -> script.call(Budget.CALL, ns.getMember("run")));

            assertEquals("rules.ts", e.failure().file());
            assertEquals(11, e.failure().line());
            assertEquals("demo: rules.ts:11: RangeError: below 0", e.getMessage());
            assertTrue(e.failure().stack().contains("at check (rules.ts:11)"), e.failure().stack());
            assertTrue(e.failure().stack().contains("at run (main.ts:3)"), e.failure().stack());
        }
    }

    @Test
    void aSyntaxErrorNamesTheTypeScriptFileAndLine() {
        var modules = new TestModules().file("main.ts", """
                interface Config { radius: number }

                const config: Config = { radius: };
                """);
        try (JsScript script = script(modules, cache())) {
            var e = assertThrows(JsLoadException.class, () -> script.evalModule("main.ts"));

            assertEquals("demo: main.ts:3: SyntaxError: Expression expected. (TS1109)", e.getMessage());
        }
    }

    @Test
    void anUnchangedModuleIsNotCompiledAgainInThisRunOrTheNext() {
        byte[] source = "export const n: number = 1;\n".getBytes(StandardCharsets.UTF_8);
        TranspileCache cache = cache();

        String first = cache.transpile("demo", "main.ts", source).javascript();
        cache.transpile("demo", "main.ts", source);
        assertEquals(1, cache.compilations());

        // The next run: a compiler that cannot compile anything, the same folder.
        var unusable = new TypeScriptCompiler(runtime.runtime.engine());
        unusable.close();
        var next = new TranspileCache(unusable, Optional.of(cacheFolder));
        assertEquals(first, next.transpile("demo", "main.ts", source).javascript());
        assertEquals(0, next.compilations());
        var changed = assertThrows(JsLoadException.class, () -> next.transpile("demo", "main.ts",
                "export const n: number = 2;\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(changed.getMessage().contains("the TypeScript compiler failed"), changed.getMessage());
    }

    @Test
    void javaScriptModulesBesideTypeScriptOnesReadAsWritten() {
        var modules = new TestModules()
                .file("main.ts", "import { v } from './plain.js';\nexport const r: number = v * 2;\n")
                .file("plain.js", "export const v = 21;\n");
        try (JsScript script = script(modules, cache())) {
            var ns = script.evalModule("main.ts");

            assertEquals(Integer.valueOf(42), script.call(Budget.CALL, c -> ns.getMember("r").asInt()));
        }
    }
}
