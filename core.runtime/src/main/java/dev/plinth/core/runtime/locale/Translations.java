package dev.plinth.core.runtime.locale;

import dev.plinth.core.runtime.player.Player;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A resource's messages in one language, from Fluent files ({@code .ftl}), looked up in this order: the resource's
 * own {@code locale/<language>/*.ftl}, its {@code locale/en-US/*.ftl} fallback, the server's {@code locale/<language>/}
 * in the instance home, the server's {@code en-US}; a message found nowhere is {@code [id]}. The server's language is
 * {@code locale} in {@code conf/server.json} (default {@code en-US}). Obtained as a bundle-scoped OSGi service: each
 * resource sees its own files.
 *
 * <p>A malformed {@code .ftl} file is reported in the log with its file and line, once; its valid messages are used.
 *
 * <p>Thread-safe; files are read once per language and kept.
 */
@ProviderType
public interface Translations {

    /** {@return the language of these translations, a BCP 47 tag such as {@code en-US}} */
    String language();

    /**
     * A message.
     *
     * @param id the message id
     * @return the message, or {@code [id]} when no file has it
     */
    String get(String id);

    /**
     * A message with arguments ({@code { $mod_id }} in the message).
     *
     * @param id the message id
     * @param args the arguments: strings, numbers, other values as text
     * @return the message, or {@code [id]} when no file has it
     */
    String get(String id, Map<String, ?> args);

    /**
     * The same resource's messages in another language.
     *
     * @param language a BCP 47 tag
     * @return the translations
     */
    Translations forLanguage(String language);

    /**
     * The same resource's messages in a player's language (the server's when the player has none).
     *
     * @param player the player
     * @return the translations
     */
    Translations forPlayer(Player player);
}
