package dev.plinth.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;

/**
 * The usage of a shell command, from its methods: each public method named like the command (or {@code _} and the
 * name, for a Java keyword such as {@code break}) is one form of it; its {@code @Descriptor} says what it does, its
 * parameters are named by their Java names (the build compiles with {@code -parameters}) and described by their
 * {@code @Descriptor}s.
 *
 * <p>How a command prints its usage when it is called with missing or wrong arguments: next to each command method,
 * a method of the same name taking {@code Object...} and returning {@code Object}, which Gogo calls only when no
 * other form fits the arguments:
 *
 * <pre>{@code
 * @Descriptor("a simulated player joins")
 * public String join(@Descriptor("the player's name") String name) { ... }
 *
 * public Object join(Object... wrong) {
 *     return CommandUsage.fail("sim", this, "join");   // usage: sim:join NAME ...
 * }
 * }</pre>
 *
 * <p>{@code fail} returns nothing (it always throws), and is declared to return {@code Object} so that a bundle
 * importing this package optionally (one whose commands are only a part of it, without a shell around it) loads its
 * command class without it. Stateless and thread-safe; reflection runs only to print a usage or help.
 */
public final class CommandUsage {

    private CommandUsage() {}

    /**
     * Refuses a call with missing or wrong arguments, with the command's usage.
     *
     * @param <T> whatever the fallback method returns
     * @param scope the command's scope ({@code sim})
     * @param commands the object whose methods are the command
     * @param function the command's name ({@code join})
     * @return never
     * @throws UsageException always: {@code wrong arguments; usage: sim:join NAME ...}
     */
    public static <T> T fail(String scope, Object commands, String function) {
        throw new UsageException("missing or wrong arguments; " + describe(scope, commands.getClass(), function));
    }

    /**
     * Describes a command: one {@code usage:} line per form, what it does, and each parameter.
     *
     * @param scope the command's scope
     * @param type the class whose methods are the command
     * @param function the command's name
     * @return lines such as {@code usage: sim:join NAME} / {@code   a simulated player joins} /
     *     {@code   NAME  the player's name}
     */
    public static String describe(String scope, Class<?> type, String function) {
        var text = new StringBuilder();
        for (Method form : forms(type, function)) {
            text.append(text.isEmpty() ? "" : "\n").append("usage: ").append(scope).append(':').append(function);
            List<Parameter> parameters = parameters(form);
            parameters.forEach(p -> text.append(' ').append(token(p)));
            description(form).ifPresent(d -> text.append("\n  ").append(d));
            for (Parameter parameter : parameters) {
                description(parameter).ifPresent(d -> text.append("\n  ").append(
                        String.format(Locale.ROOT, "%-10s %s", token(parameter), d)));
            }
        }
        return text.isEmpty() ? "usage: " + scope + ":" + function : text.toString();
    }

    /**
     * The forms of a command: its public methods of that name (or {@code _name}), fewest parameters first, without
     * the fallbacks that only print the usage.
     *
     * @param type the class whose methods are the command
     * @param function the command's name
     * @return the methods
     */
    public static List<Method> forms(Class<?> type, String function) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(function) || m.getName().equals("_" + function))
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !isFallback(m))
                .sorted(Comparator.comparingInt(Method::getParameterCount).thenComparing(Method::toString))
                .toList();
    }

    /**
     * What a command does, as its {@code @Descriptor} says.
     *
     * @param type the class whose methods are the command
     * @param function the command's name
     * @return the description of its first described form
     */
    public static Optional<String> summary(Class<?> type, String function) {
        return forms(type, function).stream().map(CommandUsage::description).flatMap(Optional::stream).findFirst();
    }

    private static boolean isFallback(Method method) {
        return method.isVarArgs() && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == Object[].class;
    }

    private static List<Parameter> parameters(Method method) {
        var shown = new ArrayList<Parameter>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() != CommandSession.class) {
                shown.add(parameter);
            }
        }
        return shown;
    }

    /**
     * {@code NAME}, {@code WORDS...}, an option ({@code [-w]}, {@code [-n SECONDS]}), or {@code ARG1} when the class
     * was compiled without parameter names.
     */
    private static String token(Parameter parameter) {
        String name = parameter.isNamePresent() ? parameter.getName().toUpperCase(Locale.ROOT)
                : "ARG" + parameter.getName().replace("arg", "");
        org.apache.felix.service.command.Parameter option =
                parameter.getAnnotation(org.apache.felix.service.command.Parameter.class);
        if (option != null && option.names().length > 0) {
            boolean flag = !org.apache.felix.service.command.Parameter.UNSPECIFIED.equals(option.presentValue());
            return "[" + option.names()[0] + (flag ? "" : " " + name) + "]";
        }
        return parameter.isVarArgs() ? name + "..." : name;
    }

    private static Optional<String> description(Method method) {
        return Optional.ofNullable(method.getAnnotation(Descriptor.class)).map(Descriptor::value);
    }

    private static Optional<String> description(Parameter parameter) {
        return Optional.ofNullable(parameter.getAnnotation(Descriptor.class)).map(Descriptor::value);
    }
}
