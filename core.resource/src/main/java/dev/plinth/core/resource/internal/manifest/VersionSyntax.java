package dev.plinth.core.resource.internal.manifest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The version and version-range spellings manifests use, turned into OSGi versions and ranges.
 *
 * <ul>
 *   <li>versions: {@code "1.2.3"}, {@code "1.2"}, {@code 1.0} (a TOML number), {@code [1, 2, 3]} (Bedrock),
 *       {@code "2.3.0-beta.1"} (semantic versioning: the pre-release becomes the OSGi qualifier {@code beta_1});
 *   <li>ranges: OSGi intervals {@code [1.2,2)}, comparisons {@code >=1.0.0}, {@code >1.0 <2.0},
 *       {@code >=1.0, <2}, {@code ^1.2}, {@code ~1.2.3}, {@code *}, an exact {@code =1.0.0}, and the Staminal forms
 *       {@code "1.0.0"} (exactly that version) and {@code "1.0.0,2.0.0"} (from min to max, both included).
 * </ul>
 */
final class VersionSyntax {

    private static final Pattern VERSION =
            Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:([-+.])([0-9A-Za-z][0-9A-Za-z.+_-]*))?");
    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|==|>|<|=|\\^|~)?\\s*([^\\s,<>=^~]+)");

    private VersionSyntax() {}

    /** A version field: a string, a number or an array of numbers; {@code 0.0.0} when absent. */
    static Version version(ManifestNode field) {
        if (!field.present()) {
            return Version.emptyVersion;
        }
        var node = field.node();
        String text;
        if (node.isArray()) {
            var parts = new StringBuilder();
            for (var element : field.elements()) {
                if (!element.node().isIntegralNumber() || element.node().intValue() < 0) {
                    throw element.invalid("a version array holds whole numbers such as [1, 0, 0]");
                }
                parts.append(parts.isEmpty() ? "" : ".").append(element.node().intValue());
            }
            text = parts.toString();
        } else if (node.isNumber() || node.isTextual()) {
            text = node.asText().strip();
        } else {
            throw field.invalid("must be a version such as \"1.0.0\"");
        }
        return parse(text).orElseThrow(() -> field.invalid("'" + text + "' is not a version such as 1.0.0"));
    }

    /** Parses one version, leniently (semantic versions, a leading {@code v}). */
    static Optional<Version> parse(String text) {
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches() || ".".equals(m.group(4)) && m.group(3) == null) {
            return Optional.empty(); // "1.x": a qualifier after a dot needs all three numbers, as in 1.0.0.beta
        }
        try {
            String qualifier = m.group(5) == null ? "" : m.group(5).replaceAll("[^0-9A-Za-z_-]", "_");
            return Optional.of(new Version(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)),
                    qualifier));
        } catch (IllegalArgumentException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * A range field.
     *
     * @param staminal whether {@code "1,2"} means a Staminal min,max range; otherwise a comma separates comparisons
     */
    static VersionRange range(ManifestNode field, boolean staminal) {
        String text = field.text().orElse("").strip();
        return parseRange(text, staminal).orElseThrow(() -> field.invalid("'" + text
                + "' is not a version range: write >=1.0.0, [1.0,2.0), ^1.2, 1.0.0 (exactly) or * (any)"));
    }

    /** Parses a range in any of the accepted spellings. */
    static Optional<VersionRange> parseRange(String text, boolean staminal) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("*")) {
            return Optional.of(new VersionRange("0.0.0"));
        }
        if (t.startsWith("[") || t.startsWith("(")) {
            try {
                var range = new VersionRange(t);
                return range.isEmpty() ? Optional.empty() : Optional.of(range);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (staminal && t.matches("[^<>=^~,]+,[^<>=^~,]+")) {
            int comma = t.indexOf(',');
            var min = parse(t.substring(0, comma));
            var max = parse(t.substring(comma + 1));
            if (min.isEmpty() || max.isEmpty() || min.get().compareTo(max.get()) > 0) {
                return Optional.empty();
            }
            return Optional.of(new VersionRange(VersionRange.LEFT_CLOSED, min.get(), max.get(), VersionRange.RIGHT_CLOSED));
        }
        return comparisons(t);
    }

    /** The intersection of comparisons such as {@code >=1.0 <2.0}. */
    private static Optional<VersionRange> comparisons(String text) {
        Version low = Version.emptyVersion;
        boolean lowOpen = false;
        Version high = null;
        boolean highOpen = true;
        Matcher m = COMPARISON.matcher(text);
        int end = 0;
        while (m.find()) {
            if (!text.substring(end, m.start()).replace(",", " ").isBlank()) {
                return Optional.empty();
            }
            end = m.end();
            var version = parse(m.group(2));
            if (version.isEmpty()) {
                return Optional.empty();
            }
            Version v = version.get();
            String op = m.group(1) == null ? "=" : m.group(1);
            Version from;
            boolean fromOpen = false;
            Version to;
            boolean toOpen = true;
            switch (op) {
                case ">=" -> { from = v; to = null; }
                case ">" -> { from = v; fromOpen = true; to = null; }
                case "<=" -> { from = Version.emptyVersion; to = v; toOpen = false; }
                case "<" -> { from = Version.emptyVersion; to = v; }
                case "^" -> { from = v; to = caretLimit(v); }
                case "~" -> { from = v; to = new Version(v.getMajor(), v.getMinor() + 1, 0); }
                default -> { from = v; to = v; toOpen = false; }
            }
            int c = from.compareTo(low);
            if (c > 0 || c == 0 && fromOpen) {
                low = from;
                lowOpen = fromOpen;
            }
            if (to != null && (high == null || to.compareTo(high) < 0 || to.equals(high) && toOpen)) {
                high = to;
                highOpen = toOpen;
            }
        }
        if (end == 0 || !text.substring(end).isBlank()) {
            return Optional.empty();
        }
        if (high != null && (low.compareTo(high) > 0 || low.equals(high) && (lowOpen || highOpen))) {
            return Optional.empty(); // no version satisfies it
        }
        return Optional.of(new VersionRange(lowOpen ? VersionRange.LEFT_OPEN : VersionRange.LEFT_CLOSED, low, high,
                highOpen ? VersionRange.RIGHT_OPEN : VersionRange.RIGHT_CLOSED));
    }

    /** {@code ^1.2.3} accepts up to the next major; {@code ^0.2.3} up to the next minor; {@code ^0.0.3} only 0.0.3's patch line. */
    private static Version caretLimit(Version v) {
        if (v.getMajor() > 0) {
            return new Version(v.getMajor() + 1, 0, 0);
        }
        if (v.getMinor() > 0) {
            return new Version(0, v.getMinor() + 1, 0);
        }
        return new Version(0, 0, v.getMicro() + 1);
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }
}
