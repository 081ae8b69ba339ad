package dev.plinth.bedrock.molang.internal.jvm;

import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import dev.plinth.bedrock.molang.internal.analysis.Kind;
import dev.plinth.bedrock.molang.internal.analysis.Resolved;
import dev.plinth.bedrock.molang.internal.closure.TreeBackend;
import dev.plinth.bedrock.molang.internal.runtime.Backend;
import dev.plinth.bedrock.molang.internal.runtime.CompiledExpression;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import dev.plinth.bedrock.molang.internal.runtime.ScopeImpl;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backend that compiles each expression to a JVM class with the JDK's {@code java.lang.classfile}: a hidden
 * class of the scope's own {@link ScopeClassLoader}, extending {@link CompiledExpression}, whose
 * {@code evaluate} and {@code evaluateValue} are the expression in bytecode. What this backend does not take (a
 * {@code break} inside an operand, a method past 64 KiB) is compiled by the {@link TreeBackend} instead.
 */
public final class BytecodeBackend implements Backend {

    private static final ClassDesc EXPRESSION = ClassDesc.of(ScopeClassLoader.PACKAGE, "Expression");

    private final TreeBackend fallback = new TreeBackend();
    private final ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(
                    ClassHierarchyResolver.ofClassLoading(BytecodeBackend.class.getClassLoader())).cached(
                            ConcurrentHashMap::new)));
    /** For expressions without branches: no stack-map frames to compute (the verifier needs none). */
    private final ClassFile straightClassFile = classFile.withOptions(ClassFile.StackMapsOption.DROP_STACK_MAPS);
    private final AtomicInteger fallbacks = new AtomicInteger();

    /** Creates the backend. */
    public BytecodeBackend() {
        // stateless but for the fallback counter
    }

    @Override
    public Compiler open(ScopeImpl scope) {
        MethodHandles.Lookup anchor = new ScopeClassLoader(scope.owner(), MolangEngine.class.getClassLoader())
                .anchor();
        Compiler trees = fallback.open(scope);
        CompiledScope shared = CompiledScope.of(scope);
        return resolved -> {
            try {
                return define(anchor, resolved, shared);
            } catch (Unsupported | IllegalArgumentException e) {
                fallbacks.incrementAndGet();
                return trees.compile(resolved);
            }
        };
    }

    /**
     * How many expressions went to the tree backend instead.
     *
     * @return the count since this backend was made
     */
    public int fallbacks() {
        return fallbacks.get();
    }

    private CompiledExpression define(MethodHandles.Lookup anchor, Resolved resolved, CompiledScope scope) {
        var data = new ClassData(EXPRESSION);
        var made = new CompiledExpression[1];
        byte[] bytes = (Emitter.isStraight(resolved) ? straightClassFile : classFile).build(EXPRESSION, type -> {
            type.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                    .withSuperclass(Descriptors.COMPILED)
                    .withMethodBody(INIT_NAME, Descriptors.CONSTRUCTOR, ClassFile.ACC_PRIVATE, code -> code
                            .aload(0).aload(1).aload(2).aload(3)
                            .invokespecial(Descriptors.COMPILED, INIT_NAME, Descriptors.CONSTRUCTOR)
                            .return_())
                    .withMethodBody("evaluate", Descriptors.EVALUATE, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                            code -> Emitter.write(resolved, scope, data, code, false));
            if (resolved.kind() != Kind.NUMBER) {
                // an expression that yields only numbers inherits evaluateValue (its number, boxed)
                type.withMethodBody("evaluateValue", Descriptors.EVALUATE_VALUE,
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                        code -> Emitter.write(resolved, scope, data, code, true));
            }
            // the initializer makes the class's one instance (cheaper than looking its constructor up), from class
            // data that no field keeps
            data.finish(type, code -> {
                data.loadInitial(code, made, Descriptors.COMPILED_ARRAY);
                code.iconst_0().new_(EXPRESSION).dup();
                data.loadInitial(code, resolved.source(), CD_String);
                data.loadInitial(code, scope.scope(), Descriptors.SCOPE);
                data.loadInitial(code, resolved.diagnostics(), Descriptors.LIST);
                code.invokespecial(EXPRESSION, INIT_NAME, Descriptors.CONSTRUCTOR).aastore().return_();
            });
        });
        try {
            // STRONG: the class lives as long as its scope's loader, which holds every expression of the scope
            // anyway, and shares that loader's metadata instead of getting a class loader data of its own
            anchor.defineHiddenClassWithClassData(bytes, data.values(), true, MethodHandles.Lookup.ClassOption.STRONG);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot load the compiled expression " + resolved.source(), e);
        }
        return made[0];
    }
}
