package dev.plinth.core.runtime.internal.locale;

import fluent.bundle.resolver.Scope;
import fluent.functions.FluentFunction;
import fluent.functions.FluentFunctionFactory;
import fluent.functions.FluentImplicit;
import fluent.functions.FunctionResources;
import fluent.functions.ImplicitFormatter;
import fluent.functions.ImplicitReducer;
import fluent.functions.ResolvedParameters;
import fluent.types.FluentNumber;
import fluent.types.FluentValue;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The functions Fluent messages use, in place of fluent-base's CLDR companion (which does not resolve here): the
 * implicit number formatting (the JDK's {@link NumberFormat} for the language), date formatting
 * ({@link DateTimeFormatter}), joining, and plural categories for selectors: {@code one} for 1 (and for 0 in French
 * and Portuguese), {@code other} otherwise; languages with more plural forms get these two.
 *
 * <p>Immutable: thread-safe.
 */
final class FluentFunctions implements FluentFunctionFactory {

    static final FluentFunctions INSTANCE = new FluentFunctions();

    private FluentFunctions() {}

    @Override
    public Set<FluentImplicit> implicits() {
        return Set.of(new NumberImplicit(), new TemporalImplicit(), new JoinImplicit());
    }

    @Override
    public Set<FluentFunction> functions() {
        return Set.of();
    }

    @Override
    public FunctionResources resources(Locale locale) {
        return new FunctionResources() {
            @Override
            public Locale locale() {
                return locale;
            }

            @Override
            public String selectCardinal(Number number) {
                double value = number.doubleValue();
                boolean zeroIsOne = locale.getLanguage().equals("fr") || locale.getLanguage().equals("pt");
                return value == 1 || zeroIsOne && value == 0 ? "one" : "other";
            }
        };
    }

    private static final class NumberImplicit implements FluentImplicit, ImplicitFormatter {
        @Override
        public Implicit id() {
            return Implicit.NUMBER;
        }

        @Override
        public List<FluentValue<?>> apply(ResolvedParameters parameters, Scope scope) {
            return parameters.valuesAll().<FluentValue<?>>map(v -> v).toList();
        }

        @Override
        public String format(FluentValue<?> value, Scope scope) {
            if (value instanceof FluentNumber<?> number) {
                return NumberFormat.getInstance(scope.fnResources.locale()).format(number.value());
            }
            return String.valueOf(value.value());
        }
    }

    private static final class TemporalImplicit implements FluentImplicit, ImplicitFormatter {
        @Override
        public Implicit id() {
            return Implicit.TEMPORAL;
        }

        @Override
        public List<FluentValue<?>> apply(ResolvedParameters parameters, Scope scope) {
            return parameters.valuesAll().<FluentValue<?>>map(v -> v).toList();
        }

        @Override
        public String format(FluentValue<?> value, Scope scope) {
            if (value.value() instanceof TemporalAccessor temporal) {
                try {
                    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(scope.fnResources.locale()).format(temporal);
                } catch (java.time.DateTimeException e) {
                    return temporal.toString();
                }
            }
            return String.valueOf(value.value());
        }
    }

    private static final class JoinImplicit implements FluentImplicit, ImplicitReducer {
        @Override
        public Implicit id() {
            return Implicit.JOIN;
        }

        @Override
        public List<FluentValue<?>> apply(ResolvedParameters parameters, Scope scope) {
            return parameters.valuesAll().<FluentValue<?>>map(v -> v).toList();
        }

        @Override
        public String reduce(List<FluentValue<?>> values, Scope scope) {
            return values.stream().map(v -> v.format(scope)).collect(Collectors.joining(", "));
        }
    }
}
