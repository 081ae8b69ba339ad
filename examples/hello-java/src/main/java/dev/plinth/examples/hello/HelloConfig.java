package dev.plinth.examples.hello;

import java.util.List;

/**
 * The plugin's settings, read from {@code data/hello/config.toml} (written with these defaults the first time).
 *
 * @param greeting what {@code /hello} answers; {@code {player}} is replaced by the player's name
 * @param forbiddenWords chat messages containing one of these (ignoring case) are blocked
 * @param tip the message broadcast every {@code tipPeriodTicks}
 * @param tipPeriodTicks how often the tip is broadcast, in ticks (1200 is a minute)
 */
public record HelloConfig(String greeting, List<String> forbiddenWords, String tip, long tipPeriodTicks) {

    /** The settings of a fresh install. */
    static final HelloConfig DEFAULTS = new HelloConfig("Hello, {player}!", List.of("badword", "spoiler"),
            "Tip: type /hello to be greeted, /menu for the menu", 1200);
}
