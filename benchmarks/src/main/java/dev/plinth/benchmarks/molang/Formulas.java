package dev.plinth.benchmarks.molang;

import dev.plinth.testsupport.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The formulas the Molang benchmarks compare: the three of the issue and one long program of the shared corpus,
 * each with the hand-written Java lambda that computes the same from the same fields.
 */
final class Formulas {

    /** The corpus program: a wolf's body shake, nine assignments with clamps and sines (read from the corpus). */
    static final String PROGRAM_START = "variable.body_shake_angle = 0.05 * query.frame_alpha";

    private Formulas() {
    }

    /** The Molang text of each formula. */
    static String source(String name) {
        return switch (name) {
            case "sin" -> "math.sin(q.life_time * 360) * 0.5 + 0.5";
            case "ratio" -> "q.health / q.max_health";
            case "assign" -> "v.attack_time = q.is_angry ? 1.0 : 0.0";
            case "program" -> corpusLines("molang-programs.txt").stream()
                    .filter(line -> line.startsWith(PROGRAM_START)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no body-shake program in the corpus"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The hand-written lambda of each formula. */
    static ToDoubleFunction<BenchMob> handWritten(String name) {
        return Map.<String, ToDoubleFunction<BenchMob>>of(
                "sin", m -> Math.sin(Math.toRadians(m.lifeTime * 360)) * 0.5 + 0.5,
                "ratio", m -> m.health / m.maxHealth,
                "assign", m -> m.variables.attackTime = m.angry ? 1.0 : 0.0,
                "program", Formulas::bodyShake).get(name);
    }

    private static double clamp(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }

    private static double wave(double progress) {
        return Math.sin(Math.toRadians(progress * 180)) * Math.sin(Math.toRadians(progress * 1980)) * 27;
    }

    private static double bodyShake(BenchMob m) {
        BenchMob.HandVariables v = m.variables;
        v.bodyShakeAngle = 0.05 * m.frameAlpha + m.shakeAngle;
        v.bodyRollProgress = clamp((v.bodyShakeAngle - 0.16) / 1.8);
        v.bodyRotZ = wave(v.bodyRollProgress);
        v.upperBodyRollProgress = clamp((v.bodyShakeAngle - 0.08) / 1.8);
        v.upperBodyRotZ = wave(v.upperBodyRollProgress) - v.bodyRotZ;
        v.tailRollProgress = clamp((v.bodyShakeAngle - 0.2) / 1.8);
        v.tailRotZ = wave(v.tailRollProgress) - v.bodyRotZ;
        v.headRollProgress = clamp(v.bodyShakeAngle / 1.8);
        v.headRotZ = wave(v.headRollProgress) - v.bodyRotZ;
        return 0;
    }

    /** The non-empty lines of a corpus file, an embedded newline written {@code \n}. */
    static List<String> corpusLines(String file) {
        Path path = Corpus.path(file);
        try {
            return Files.readAllLines(path).stream().filter(l -> !l.isBlank()).map(l -> l.replace("\\n", "\n"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the Molang benchmarks read the shared corpus, which must be at " + path, e);
        }
    }
}
