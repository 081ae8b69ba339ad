package dev.plinth.bedrock.molang.internal.jvm;

import dev.plinth.bedrock.molang.MolangArguments;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangException;
import dev.plinth.bedrock.molang.MolangQuery;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.math.MathFunction;
import dev.plinth.bedrock.molang.internal.math.MolangMath;
import dev.plinth.bedrock.molang.internal.runtime.Arguments;
import dev.plinth.bedrock.molang.internal.runtime.CompiledExpression;
import dev.plinth.bedrock.molang.internal.runtime.ContextImpl;
import dev.plinth.bedrock.molang.internal.runtime.Iterations;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import dev.plinth.bedrock.molang.internal.runtime.ScopeImpl;
import dev.plinth.bedrock.molang.internal.runtime.SymbolTable;
import dev.plinth.bedrock.molang.internal.runtime.Values;
import dev.plinth.bedrock.molang.internal.runtime.VariableStore;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/** The types and method signatures generated expressions refer to. */
final class Descriptors {

    static final ClassDesc COMPILED = desc(CompiledExpression.class);
    static final ClassDesc CONTEXT = desc(ContextImpl.class);
    static final ClassDesc API_CONTEXT = desc(MolangContext.class);
    static final ClassDesc STORE = desc(VariableStore.class);
    static final ClassDesc VALUE = desc(MolangValue.class);
    static final ClassDesc VALUES = desc(Values.class);
    static final ClassDesc ARGUMENTS = desc(Arguments.class);
    static final ClassDesc API_ARGUMENTS = desc(MolangArguments.class);
    static final ClassDesc ENGINE = desc(MolangEngine.class);
    static final ClassDesc SCOPE = desc(ScopeImpl.class);
    static final ClassDesc SYMBOLS = desc(SymbolTable.class);
    static final ClassDesc ITERATIONS = desc(Iterations.class);
    static final ClassDesc RANDOM = desc(RandomGenerator.class);
    static final ClassDesc LIST = desc(List.class);
    static final ClassDesc MOLANG_EXCEPTION = desc(MolangException.class);
    static final ClassDesc NUMBER_QUERY = desc(MolangQuery.OfNumber.class);
    static final ClassDesc QUERY = desc(MolangQuery.class);
    static final ClassDesc UNARY = desc(DoubleUnaryOperator.class);
    static final ClassDesc BINARY = desc(DoubleBinaryOperator.class);
    static final ClassDesc TERNARY = desc(MathFunction.Ternary.class);
    static final ClassDesc RANDOM_BINARY = desc(MathFunction.RandomBinary.class);
    static final ClassDesc RANDOM_TERNARY = desc(MathFunction.RandomTernary.class);
    static final ClassDesc MOLANG_MATH = desc(MolangMath.class);
    static final ClassDesc METHOD_HANDLE = ConstantDescs.CD_MethodHandle;
    static final ClassDesc COMPILED_ARRAY = COMPILED.arrayType();
    static final ClassDesc VALUE_ARRAY = VALUE.arrayType();

    static final MethodTypeDesc CONSTRUCTOR = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String, SCOPE,
            LIST);
    static final MethodTypeDesc EVALUATE = MethodTypeDesc.of(ConstantDescs.CD_double, API_CONTEXT);
    static final MethodTypeDesc EVALUATE_VALUE = MethodTypeDesc.of(VALUE, API_CONTEXT);
    static final MethodTypeDesc ENTER = MethodTypeDesc.of(CONTEXT, COMPILED, API_CONTEXT, ENGINE);
    static final MethodTypeDesc ENTER_BY_VARIABLES = MethodTypeDesc.of(CONTEXT, COMPILED, API_CONTEXT, SYMBOLS);
    static final MethodTypeDesc ASK_NUMBER = askOf(ConstantDescs.CD_double, NUMBER_QUERY);
    static final MethodTypeDesc ASK_OBJECT = askOf(ConstantDescs.CD_Object, QUERY);
    static final MethodTypeDesc APPLY_UNARY = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_double);
    static final MethodTypeDesc APPLY_BINARY = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_double,
            ConstantDescs.CD_double);
    static final MethodTypeDesc APPLY_TERNARY = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_double,
            ConstantDescs.CD_double, ConstantDescs.CD_double);
    static final MethodTypeDesc APPLY_RANDOM_BINARY = MethodTypeDesc.of(ConstantDescs.CD_double, RANDOM,
            ConstantDescs.CD_double, ConstantDescs.CD_double);
    static final MethodTypeDesc APPLY_RANDOM_TERNARY = MethodTypeDesc.of(ConstantDescs.CD_double, RANDOM,
            ConstantDescs.CD_double, ConstantDescs.CD_double, ConstantDescs.CD_double);
    static final MethodTypeDesc STORE_NUMBER = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_int);
    static final MethodTypeDesc STORE_ASSIGN_NUMBER = MethodTypeDesc.of(ConstantDescs.CD_double,
            ConstantDescs.CD_int, ConstantDescs.CD_double);
    /** {@code VariableStore.numberOf(long)}: a field slot's number. */
    static final MethodTypeDesc NUMBER_OF_CELL = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long);
    /** {@code Double.doubleToLongBits} and {@code doubleToRawLongBits}: a number's cell. */
    static final MethodTypeDesc CELL_OF_NUMBER = MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_double);
    static final MethodTypeDesc ITERATION_LIMIT = MethodTypeDesc.of(MOLANG_EXCEPTION, ConstantDescs.CD_String,
            ConstantDescs.CD_int, ConstantDescs.CD_int);

    private Descriptors() {
    }

    /** {@code CompiledExpression.ask} or {@code askObject}. */
    private static MethodTypeDesc askOf(ClassDesc result, ClassDesc query) {
        return MethodTypeDesc.of(result, query, API_CONTEXT, API_ARGUMENTS, COMPILED, ConstantDescs.CD_int,
                ConstantDescs.CD_String);
    }

    static ClassDesc desc(Class<?> type) {
        return type.describeConstable().orElseThrow();
    }

    static MethodTypeDesc method(ClassDesc returns, ClassDesc... parameters) {
        return MethodTypeDesc.of(returns, parameters);
    }
}
