package dev.plinth.core.runtime.internal.locale;

import fluent.bundle.FluentBundle;
import fluent.bundle.FluentResource;
import fluent.syntax.parser.FTLParser;
import fluent.syntax.parser.FTLStream;
import fluent.syntax.parser.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Parses Fluent files of one language into a {@link FluentBundle}: each file's valid messages are added, its errors
 * are reported as {@code where/file.ftl:line: message} and skipped.
 */
final class FtlFiles {

    private FtlFiles() {}

    /**
     * Builds the messages of some files.
     *
     * @param language the language
     * @param files file name (as shown in messages) → content
     * @param report told each error, one line naming the file and the line
     * @return the bundle
     */
    static FluentBundle bundle(Locale language, Map<String, String> files, Consumer<String> report) {
        FluentBundle.Builder builder = FluentBundle.builder(language, FluentFunctions.INSTANCE);
        files.forEach((name, content) -> {
            FluentResource resource = FTLParser.parse(FTLStream.of(content));
            for (ParseException error : resource.errors()) {
                int line = error.line() > 0 ? error.line() : (int) content.lines().count();
                report.accept(name + ":" + line + ": " + error.getMessage());
            }
            builder.addResourceOverriding(resource);
        });
        return builder.build();
    }
}
