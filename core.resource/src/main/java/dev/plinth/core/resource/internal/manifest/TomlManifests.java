package dev.plinth.core.resource.internal.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.core.runtime.config.ParseProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Parses TOML manifests. Jackson's TOML parser reports the line of a syntax error but builds its tree without
 * locations, so the line of each key is found by a scan of the text: table headers ({@code [plugin]},
 * {@code [[items]]}) and {@code key = value} lines, skipping comments, multi-line strings and the inside of
 * multi-line arrays (whose elements take the line of their key).
 */
final class TomlManifests {

    private static final TomlMapper MAPPER = new TomlMapper();

    private TomlManifests() {}

    /**
     * Parses a TOML manifest.
     *
     * @throws ManifestException ERR_INVALID_MANIFEST naming the line of a syntax error
     */
    static ManifestDocument parse(String resource, String file, byte[] content) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JacksonException e) {
            ParseProblem problem = ParseProblem.of(e);
            int line = problem.line();
            if (problem.reason().startsWith("Duplicate key")) {
                line = duplicateKeyLine(new String(content, StandardCharsets.UTF_8)).orElse(line);
            }
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, file, line, "",
                    "not valid TOML: " + problem.reason());
        } catch (IOException e) {
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, file, 0, "",
                    "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            root = MAPPER.createObjectNode();
        }
        return new ManifestDocument(resource, file, root, keyLines(new String(content, StandardCharsets.UTF_8)));
    }

    /** The line of each key and table, by dotted path. */
    static Map<String, Integer> keyLines(String text) {
        return scan(text, new HashMap<>());
    }

    /**
     * The line of the second definition of a key: Jackson reports a duplicate key where it noticed it, which may be
     * the end of the file.
     */
    private static OptionalInt duplicateKeyLine(String text) {
        var duplicates = new HashMap<String, Integer>();
        scan(text, duplicates);
        return duplicates.values().stream().mapToInt(Integer::intValue).min();
    }

    private static Map<String, Integer> scan(String text, Map<String, Integer> duplicates) {
        var lines = new HashMap<String, Integer>();
        var arrayTables = new HashMap<String, Integer>();
        String table = "";
        String multiLineQuote = null;
        int arrayDepth = 0;
        String[] rows = text.split("\\R", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            if (multiLineQuote != null) {
                if (row.contains(multiLineQuote)) {
                    multiLineQuote = null;
                }
                continue;
            }
            String code = withoutComment(row).strip();
            if (arrayDepth > 0) {
                arrayDepth += depthChange(code);
                continue;
            }
            if (code.startsWith("[[") && code.endsWith("]]")) {
                String name = key(code.substring(2, code.length() - 2));
                int index = arrayTables.merge(name, 1, Integer::sum) - 1;
                table = name + "[" + index + "]";
                lines.putIfAbsent(name, i + 1);
                lines.put(table, i + 1);
            } else if (code.startsWith("[") && code.endsWith("]")) {
                table = key(code.substring(1, code.length() - 1));
                lines.put(table, i + 1);
            } else {
                int equals = assignment(code);
                if (equals > 0) {
                    String key = key(code.substring(0, equals));
                    String path = table.isEmpty() ? key : table + "." + key;
                    if (lines.put(path, i + 1) != null) {
                        duplicates.putIfAbsent(path, i + 1);
                    }
                    String value = code.substring(equals + 1).strip();
                    multiLineQuote = opensMultiLineString(value);
                    arrayDepth = value.startsWith("[") ? Math.max(0, depthChange(value)) : 0;
                }
            }
        }
        return lines;
    }

    /**
     * A dotted key with its parts unquoted and trimmed: {@code "a". b} becomes {@code a.b}. One pass over the
     * characters, so that no key, however many quotes it holds, costs more than its length.
     */
    private static String key(String raw) {
        var key = new StringBuilder(raw.length());
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < raw.length()) {
                    key.append(raw.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                } else {
                    key.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (!Character.isWhitespace(c)) {
                key.append(c); // a bare part (no white space in it) or the dot between parts
            }
        }
        return key.toString();
    }

    /** The index of the {@code =} of a {@code key = value} line, outside quotes; -1 when it is none. */
    private static int assignment(String code) {
        return unquoted(code).indexOf('=');
    }

    private static String withoutComment(String row) {
        int hash = unquoted(row).indexOf('#');
        return hash < 0 ? row : row.substring(0, hash);
    }

    /** Brackets opened minus closed, outside strings. */
    private static int depthChange(String code) {
        String bare = unquoted(code);
        return (int) (bare.chars().filter(c -> c == '[').count() - bare.chars().filter(c -> c == ']').count());
    }

    /** The line with the inside of its quoted strings blanked out, so that {@code = # [ ]} in strings are not seen. */
    private static String unquoted(String row) {
        var bare = new StringBuilder(row.length());
        char quote = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quote == 0) {
                quote = c == '"' || c == '\'' ? c : 0;
                bare.append(c);
            } else if (c == '\\' && quote == '"' && i + 1 < row.length()) {
                bare.append("  ");
                i++;
            } else {
                quote = c == quote ? 0 : quote;
                bare.append(quote == 0 ? c : ' ');
            }
        }
        return bare.toString();
    }

    /** The closing delimiter when the value opens a multi-line string that does not end on this line. */
    private static String opensMultiLineString(String value) {
        for (String quote : new String[] {"\"\"\"", "'''"}) {
            if (value.startsWith(quote) && value.indexOf(quote, 3) < 0) {
                return quote;
            }
        }
        return null;
    }
}
