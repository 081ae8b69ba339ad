package dev.plinth.bedrock.molang;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The expressions of one owner (a pack), compiled against its queries: the classes compiled for them belong to the
 * scope and are unloaded with it. Made by {@link Molang#scope(String, MolangQueries)}; close it when the owner goes
 * away (the pack's bundle stops), so that nothing of it stays loaded.
 *
 * <p>Thread-safe: expressions may be compiled from several threads at once, off the game thread (compiling parses
 * and generates code). After {@link #close()}, compiling throws {@link IllegalStateException} and evaluating an
 * expression of the scope throws a {@link MolangEvaluationException} ({@link MolangErrorCode#UNAVAILABLE}).
 */
@ProviderType
public interface MolangScope extends AutoCloseable {

    /**
     * Who the scope belongs to.
     *
     * @return the owner given at creation, for example the pack's name
     */
    String owner();

    /**
     * The queries this scope's expressions are compiled against.
     *
     * @return the registry
     */
    MolangQueries queries();

    /**
     * Compiles an expression or a program. A text compiled before in this scope gives the same expression again
     * (expressions hold no state), so a pack that repeats an expression in many files compiles it once.
     *
     * @param source the Molang text; several statements are separated by {@code ;}
     * @return the compiled expression
     * @throws MolangSyntaxException when the text is not Molang
     * @throws MolangCompileException when a name or function is unknown or misused
     * @throws IllegalStateException when the scope is closed
     */
    MolangExpression compile(String source);

    /**
     * Compiles an expression that reads arrays, as a render controller's {@code array.NAME[index]} does.
     *
     * @param source the Molang text
     * @param arrays array name (with or without {@code array.}, any letter case) to its elements
     * @return the compiled expression
     * @throws MolangSyntaxException when the text is not Molang
     * @throws MolangCompileException when a name or function is unknown or misused
     * @throws IllegalStateException when the scope is closed
     */
    MolangExpression compile(String source, Map<String, List<MolangValue>> arrays);

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    boolean isClosed();

    /** Closes the scope: its expressions stop evaluating and their classes can be unloaded. Idempotent. */
    @Override
    void close();
}
