package dev.plinth.bedrock.molang.internal.jvm;

import dev.plinth.bedrock.molang.MolangArguments;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangException;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.runtime.Arguments;
import dev.plinth.bedrock.molang.internal.runtime.CompiledExpression;
import dev.plinth.bedrock.molang.internal.runtime.ContextImpl;
import dev.plinth.bedrock.molang.internal.runtime.Iterations;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import dev.plinth.bedrock.molang.internal.runtime.ScopeImpl;
import dev.plinth.bedrock.molang.internal.runtime.Values;
import dev.plinth.bedrock.molang.internal.runtime.VariableStore;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
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
    static final ClassDesc ITERATIONS = desc(Iterations.class);
    static final ClassDesc RANDOM = desc(RandomGenerator.class);
    static final ClassDesc LIST = desc(List.class);
    static final ClassDesc MOLANG_EXCEPTION = desc(MolangException.class);
    static final ClassDesc RUNTIME_EXCEPTION = desc(RuntimeException.class);

    static final MethodTypeDesc CONSTRUCTOR = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String, SCOPE,
            LIST);
    static final MethodTypeDesc EVALUATE = MethodTypeDesc.of(ConstantDescs.CD_double, API_CONTEXT);
    static final MethodTypeDesc EVALUATE_VALUE = MethodTypeDesc.of(VALUE, API_CONTEXT);
    static final MethodTypeDesc ENTER = MethodTypeDesc.of(CONTEXT, COMPILED, API_CONTEXT);
    static final MethodTypeDesc QUERY_FAILED = MethodTypeDesc.of(MOLANG_EXCEPTION, RUNTIME_EXCEPTION,
            ConstantDescs.CD_String, ConstantDescs.CD_int, ConstantDescs.CD_String);
    static final MethodTypeDesc ITERATION_LIMIT = MethodTypeDesc.of(MOLANG_EXCEPTION, ConstantDescs.CD_String,
            ConstantDescs.CD_int, ConstantDescs.CD_int);

    private Descriptors() {
    }

    static ClassDesc desc(Class<?> type) {
        return type.describeConstable().orElseThrow();
    }

    static MethodTypeDesc method(ClassDesc returns, ClassDesc... parameters) {
        return MethodTypeDesc.of(returns, parameters);
    }
}
