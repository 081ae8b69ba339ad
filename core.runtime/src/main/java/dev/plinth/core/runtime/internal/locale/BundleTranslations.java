package dev.plinth.core.runtime.internal.locale;

import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.locale.Translations;
import dev.plinth.core.runtime.player.Player;
import fluent.bundle.FluentBundle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link Translations} of one resource: its bundle's {@code locale/<language>/*.ftl}, then the instance home's
 * {@code locale/<language>/*.ftl}, each language read once and kept. Thread-safe.
 */
@Component(service = Translations.class, scope = ServiceScope.BUNDLE)
public final class BundleTranslations implements Translations {

    /** The fallback language of every lookup. */
    static final String FALLBACK = "en-US";

    private final Owner owner;
    private final Optional<Bundle> bundle;
    private final Optional<Path> home;
    private final String language;
    private final Logger logger;
    private final Map<String, Catalog> catalogs;

    /**
     * Creates the translations of the bundle that gets the service, in the server's language.
     *
     * @param context the component context, for the using bundle
     * @param settings the instance home and the server's language
     * @param logger where malformed files are reported
     */
    @Activate
    public BundleTranslations(ComponentContext context, @Reference ServerSettings settings,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this(Owner.of(context.getUsingBundle()), Optional.of(context.getUsingBundle()), settings.home(),
                settings.config().locale(), logger, new ConcurrentHashMap<>());
    }

    private BundleTranslations(Owner owner, Optional<Bundle> bundle, Optional<Path> home, String language,
            Logger logger, Map<String, Catalog> catalogs) {
        this.owner = owner;
        this.bundle = bundle;
        this.home = home;
        this.language = language;
        this.logger = logger;
        this.catalogs = catalogs;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public String get(String id) {
        return get(id, Map.of());
    }

    @Override
    public String get(String id, Map<String, ?> args) {
        for (String source : List.of("resource", "server")) {
            for (String lang : language.equals(FALLBACK) ? List.of(language) : List.of(language, FALLBACK)) {
                FluentBundle messages = catalog(source, lang).messages();
                if (messages.getMessage(id).isPresent()) {
                    return messages.format(id, args);
                }
            }
        }
        return "[" + id + "]";
    }

    @Override
    public Translations forLanguage(String other) {
        String tag = Locale.forLanguageTag(other).toLanguageTag();
        if (tag.equals(language)) {
            return this;
        }
        return new BundleTranslations(owner, bundle, home, tag, logger, catalogs);
    }

    @Override
    public Translations forPlayer(Player player) {
        return player.language().map(this::forLanguage).orElse(this);
    }

    private Catalog catalog(String source, String lang) {
        return catalogs.computeIfAbsent(source + "/" + lang, key -> new Catalog(FtlFiles.bundle(
                Locale.forLanguageTag(lang), source.equals("resource") ? bundleFiles(lang) : homeFiles(lang),
                error -> logger.error("{}: locale file {}; its other messages are used", owner, error))));
    }

    private Map<String, String> bundleFiles(String lang) {
        var files = new TreeMap<String, String>();
        bundle.ifPresent(b -> {
            Enumeration<URL> entries = b.findEntries("locale/" + lang, "*.ftl", false);
            for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                try (InputStream in = entry.openStream()) {
                    files.put(owner + "/" + entry.getPath().replaceFirst("^/", ""),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    logger.error("{}: cannot read {}: {}", owner, entry.getPath(), e.toString());
                }
            }
        });
        return files;
    }

    private Map<String, String> homeFiles(String lang) {
        var files = new TreeMap<String, String>();
        home.map(h -> h.resolve("locale").resolve(lang)).filter(Files::isDirectory).ifPresent(folder -> {
            List<Path> paths = new ArrayList<>();
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.toString().endsWith(".ftl")).forEach(paths::add);
            } catch (IOException e) {
                logger.error("cannot list {}: {}", folder, e.toString());
            }
            for (Path path : paths) {
                try {
                    files.put("locale/" + lang + "/" + path.getFileName(), Files.readString(path));
                } catch (IOException e) {
                    logger.error("cannot read {}: {}", path, e.toString());
                }
            }
        });
        return files;
    }

    private record Catalog(FluentBundle messages) {}
}
