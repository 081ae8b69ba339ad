package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the whole pipeline (lexer, parser, resolver, both backends, evaluation) with generated input: random
 * Molang from the grammar, broken by edits, truncation and deep nesting (see {@link RandomMolang}), each checked by
 * the {@link FuzzOracle}. The build runs it for a few seconds from a fixed seed; run it longer with
 * {@code ./plinthw -o -pl bedrock.packs test -Dtest=GeneratedInputFuzzTest -Dmolang.fuzz.seconds=600
 * -Dmolang.fuzz.seed=42}.
 */
class GeneratedInputFuzzTest {

    @Test
    void anyInputCompilesOrFailsWithAPositionedMolangErrorAndTheBackendsAgree() {
        long seed = Long.getLong("molang.fuzz.seed", 20261130L);
        Duration budget = Duration.ofSeconds(Long.getLong("molang.fuzz.seconds", 5L));
        var oracle = new FuzzOracle();
        var inputs = new RandomMolang(seed);
        long deadline = System.nanoTime() + budget.toNanos();
        int cases = 0;
        String source = "";
        try {
            while (System.nanoTime() < deadline || cases < 1000) {
                source = inputs.next();
                oracle.check(source);
                cases++;
            }
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("seed " + seed + ", case " + cases + ": " + source, e);
        }
        System.out.printf("molang fuzz: %d cases in %s from seed %d: %s%n", cases, budget, seed, oracle.outcomes());
        assertTrue(cases >= 1000);
        assertTrue(oracle.outcomes().getOrDefault("evaluated", 0) > cases / 4, "most inputs are well-formed");
    }
}
