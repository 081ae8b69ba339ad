package dev.plinth.core.runtime.event.world;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Weather;
import java.util.Map;
import java.util.Objects;

/** A world's weather is about to change. Cancelled, the weather stays. Posted on the game thread. */
@EventName(WeatherChangeEvent.NAME)
public final class WeatherChangeEvent extends CancellableEvent {

    /** The event's name. */
    public static final String NAME = "weather_change";

    private final Dimension dimension;
    private final Weather oldWeather;
    private final Weather newWeather;

    /**
     * Creates the event.
     *
     * @param dimension the world's dimension
     * @param oldWeather the weather now
     * @param newWeather the weather to come
     */
    public WeatherChangeEvent(Dimension dimension, Weather oldWeather, Weather newWeather) {
        this.dimension = Objects.requireNonNull(dimension, "dimension");
        this.oldWeather = Objects.requireNonNull(oldWeather, "oldWeather");
        this.newWeather = Objects.requireNonNull(newWeather, "newWeather");
    }

    /** {@return the dimension of the world whose weather changes} */
    public Dimension dimension() {
        return dimension;
    }

    /** {@return the weather before the change} */
    public Weather oldWeather() {
        return oldWeather;
    }

    /** {@return the weather after the change} */
    public Weather newWeather() {
        return newWeather;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("dimension", dimension.id(), "old_weather", oldWeather.id(), "new_weather", newWeather.id());
    }
}
