package dev.plinth.lang.js.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a module that could not be loaded was imported: GraalJS reports a missing or refused import as {@code Error
 * reading module 'nope.js' imported from main.js} with no source location, so the importing module's text is searched
 * for the import statement that names it, and the failure gets that file and line ({@code main.js:3}), as a syntax
 * error has them.
 *
 * <p>Stateless: any thread.
 */
final class ImportSite {

    /**
     * GraalJS's message: the module as the loader named it (or, for a refused import, as the refusal names it) and
     * the module importing it (a display name).
     */
    private static final Pattern READING = Pattern.compile(
            "Error reading (?:module '([^']*)'|a module) imported from (\\S+?):? (?:import '([^']*)')?");
    /** {@code import ... from 'x'}, {@code export ... from 'x'} and {@code import 'x'}: the specifier. */
    private static final Pattern STATEMENT = Pattern.compile(
            "\\b(?:import|export)\\b(?:[^;'\"`]*?\\bfrom)?\\s*(['\"])([^'\"\\n]+)\\1");

    private ImportSite() {}

    /**
     * The failure with the file and line of the import it names, when it has no location of its own.
     *
     * @param failure a module's failure to load
     * @param own the resource's own files, where the importing module is read
     * @return the failure located, or as it was when it has a location, names no import, or the import is not
     *     found in the resource's own files
     */
    static JsFailure locate(JsFailure failure, ModuleFiles own) {
        Matcher reading = READING.matcher(failure.message() + " ");
        if (!failure.file().isEmpty() || !reading.find()) {
            return failure;
        }
        String module = reading.group(1) != null ? reading.group(1) : reading.group(3);
        String importer = reading.group(2);
        if (module == null || importer.startsWith("@")) {
            return failure;
        }
        Optional<byte[]> text;
        try {
            text = own.read(importer);
        } catch (IOException e) {
            return failure;
        }
        return text.map(bytes -> line(new String(bytes, StandardCharsets.UTF_8), importer, module))
                .filter(line -> line > 0)
                .map(line -> new JsFailure(failure.resource(), importer, line, failure.message(), failure.stack()))
                .orElse(failure);
    }

    /** {@return the line of the first import in {@code source} that names {@code module}, 0 when none does} */
    private static int line(String source, String importer, String module) {
        Matcher statement = STATEMENT.matcher(source);
        while (statement.find()) {
            if (names(statement.group(2), importer, module)) {
                int line = 1;
                for (int i = 0; i < statement.start(); i++) {
                    if (source.charAt(i) == '\n') {
                        line++;
                    }
                }
                return line;
            }
        }
        return 0;
    }

    /** Whether the import {@code specifier} in {@code importer} is the module the loader named. */
    private static boolean names(String specifier, String importer, String module) {
        if (specifier.equals(module)) {
            return true;
        }
        if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
            return false;
        }
        Path folder = Path.of("/" + importer).getParent();
        String resolved = folder.resolve(specifier).normalize().toString().substring(1);
        return resolved.equals(module) || resolved.equals(module.startsWith("/") ? module.substring(1) : module);
    }
}
