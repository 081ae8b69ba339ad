package dev.plinth.bedrock.molang.internal.closure;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.analysis.Resolved;
import dev.plinth.bedrock.molang.internal.runtime.CompiledExpression;
import dev.plinth.bedrock.molang.internal.runtime.ScopeImpl;
import dev.plinth.bedrock.molang.internal.runtime.Values;
import org.jspecify.annotations.Nullable;

/**
 * An expression of the tree backend: the statements' lambdas, run in a new {@link Frame} per evaluation. A program
 * that yields numbers runs in number mode; one that may yield other values runs in value mode.
 */
final class TreeExpression extends CompiledExpression {

    private final int temporaries;
    private final int iterationLimit;
    private final boolean complex;
    private final Code.OfNumber @Nullable [] numbers;
    private final Code.OfValue @Nullable [] values;

    TreeExpression(Resolved resolved, ScopeImpl scope, Code.OfNumber @Nullable [] numbers,
            Code.OfValue @Nullable [] values) {
        super(resolved.source(), scope, resolved.diagnostics());
        this.temporaries = resolved.temporaries().size();
        this.iterationLimit = scope.engine().iterationLimit();
        this.complex = resolved.program().complex();
        this.numbers = numbers;
        this.values = values;
    }

    @Override
    public double evaluate(MolangContext context) {
        Frame f = new Frame(enter(this, context), temporaries, iterationLimit);
        return numbers != null ? runNumbers(f, numbers) : Values.number(runValues(f, values));
    }

    @Override
    public MolangValue evaluateValue(MolangContext context) {
        Frame f = new Frame(enter(this, context), temporaries, iterationLimit);
        return numbers != null ? Values.box(runNumbers(f, numbers)) : Values.orZero(runValues(f, values));
    }

    private double runNumbers(Frame f, Code.OfNumber[] statements) {
        try {
            double last = 0;
            for (Code.OfNumber statement : statements) {
                last = statement.run(f);
            }
            return complex ? 0 : last;
        } catch (Jump jump) {
            return f.returnedNumber;
        }
    }

    private @Nullable MolangValue runValues(Frame f, Code.OfValue @Nullable [] statements) {
        try {
            MolangValue last = MolangValue.ZERO;
            for (Code.OfValue statement : statements) {
                last = statement.run(f);
            }
            return complex ? MolangValue.ZERO : last;
        } catch (Jump jump) {
            return f.returnedValue;
        }
    }
}
