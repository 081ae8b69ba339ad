package dev.plinth.lang.lua.internal.luajc;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassElement;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.FieldModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Interfaces;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites the classes LuaJC generates so their loops and calls can be stopped: a call to
 * {@link Checkpoints#enter()} at the entry of every method that runs Lua code (after its first line number) and to
 * {@link Checkpoints#charge(int)} before every backward branch (every loop iteration), charging the number of
 * bytecode instructions of the loop body divided by {@value #JVM_INSTRUCTIONS_PER_LUA_INSTRUCTION}, about the Lua
 * instructions it stands for. Where {@code enter} says so (on a coroutine), the method hands its arguments to
 * {@link Checkpoints#interpreted} instead of running; the class implements {@link CompiledFunction} for it.
 */
final class BudgetInstrumentation {

    /** LuaJC emits about this many JVM instructions per Lua instruction. */
    static final int JVM_INSTRUCTIONS_PER_LUA_INSTRUCTION = 4;

    private static final ClassDesc CHECKPOINTS = ClassDesc.of(Checkpoints.class.getName());
    private static final MethodTypeDesc CHARGE = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc ENTER = MethodTypeDesc.of(ConstantDescs.CD_boolean);
    private static final ClassDesc LUA_VALUE = ClassDesc.of("org.luaj.vm2.LuaValue");
    private static final ClassDesc LUA_FUNCTION = ClassDesc.of("org.luaj.vm2.LuaFunction");
    private static final ClassDesc VARARGS = ClassDesc.of("org.luaj.vm2.Varargs");
    private static final ClassDesc UP_VALUE = ClassDesc.of("org.luaj.vm2.UpValue");
    private static final MethodTypeDesc INTERPRETED = MethodTypeDesc.of(VARARGS, LUA_FUNCTION, VARARGS);
    private static final ClassDesc COMPILED_FUNCTION = ClassDesc.of(CompiledFunction.class.getName());
    private static final Pattern UPVALUE_FIELD = Pattern.compile("u(\\d+)");

    private BudgetInstrumentation() {}

    /**
     * Instruments one generated class.
     *
     * @param bytes the class file LuaJC generated
     * @return the instrumented class file
     */
    static byte[] instrument(byte[] bytes) {
        var classFile = ClassFile.of();
        ClassModel model = classFile.parse(bytes);
        List<FieldModel> upvalues = model.fields().stream()
                .filter(field -> UPVALUE_FIELD.matcher(field.fieldName().stringValue()).matches()
                        && !field.flags().has(AccessFlag.STATIC)
                        && (field.fieldTypeSymbol().equals(LUA_VALUE)
                                || field.fieldTypeSymbol().equals(LUA_VALUE.arrayType())))
                .toList();
        ClassTransform transform = new ClassTransform() {
            private final List<ClassDesc> interfaces = new ArrayList<>(List.of(COMPILED_FUNCTION));

            @Override
            public void accept(ClassBuilder builder, ClassElement element) {
                switch (element) {
                    case Interfaces declared -> declared.interfaces().forEach(i -> interfaces.add(i.asSymbol()));
                    case MethodModel method when runsLuaCode(method) -> builder.transformMethod(method,
                            MethodTransform.transformingCode(new LoopCheckpoints(Redirect.of(method))));
                    default -> builder.with(element);
                }
            }

            @Override
            public void atEnd(ClassBuilder builder) {
                builder.withInterfaceSymbols(interfaces);
                builder.withMethodBody("plinthUpvalues", MethodTypeDesc.of(UP_VALUE.arrayType()),
                        ClassFile.ACC_PUBLIC, code -> upvaluesBody(code, model.thisClass().asSymbol(), upvalues));
            }
        };
        return classFile.transformClass(model, transform);
    }

    /**
     * {@link CompiledFunction#plinthUpvalues()}: an array as long as the highest upvalue field's index plus one, each
     * {@code new UpValue(this.uN, 0)} for a cell ({@code LuaValue[]}), {@code new UpValue(new LuaValue[] {this.uN}, 0)}
     * for a value.
     */
    private static void upvaluesBody(CodeBuilder code, ClassDesc owner, List<FieldModel> fields) {
        int length = fields.stream().mapToInt(BudgetInstrumentation::upvalueIndex).max().orElse(-1) + 1;
        code.loadConstant(length).anewarray(UP_VALUE);
        for (FieldModel field : fields) {
            code.dup().loadConstant(upvalueIndex(field)).new_(UP_VALUE).dup();
            if (field.fieldTypeSymbol().isArray()) {
                code.aload(0).getfield(owner, field.fieldName().stringValue(), LUA_VALUE.arrayType());
            } else {
                code.iconst_1().anewarray(LUA_VALUE).dup().iconst_0()
                        .aload(0).getfield(owner, field.fieldName().stringValue(), LUA_VALUE)
                        .aastore();
            }
            code.iconst_0()
                    .invokespecial(UP_VALUE, ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void,
                            LUA_VALUE.arrayType(), ConstantDescs.CD_int))
                    .aastore();
        }
        code.areturn();
    }

    private static int upvalueIndex(FieldModel field) {
        return Integer.parseInt(field.fieldName().stringValue().substring(1));
    }

    private static boolean runsLuaCode(MethodModel method) {
        String name = method.methodName().stringValue();
        return !method.flags().has(AccessFlag.STATIC) && !name.startsWith("<") && !name.equals("initupvalue1");
    }

    /** How a method LuaJC generated hands its arguments to the interpreter: by the number of its arguments. */
    private enum Redirect {
        ZERO, ONE, TWO, THREE, MANY;

        static Optional<Redirect> of(MethodModel method) {
            MethodTypeDesc type = method.methodTypeSymbol();
            String name = method.methodName().stringValue();
            if (name.equals("onInvoke") && type.equals(MethodTypeDesc.of(VARARGS, VARARGS))) {
                return Optional.of(MANY);
            }
            if (!name.equals("call") || !type.returnType().equals(LUA_VALUE) || type.parameterCount() > 3
                    || type.parameterList().stream().anyMatch(parameter -> !parameter.equals(LUA_VALUE))) {
                return Optional.empty();
            }
            return Optional.of(values()[type.parameterCount()]);
        }

        /** Pushes the arguments as one {@code Varargs}, calls the interpreter and returns what the method returns. */
        void emit(CodeBuilder code) {
            code.aload(0);
            switch (this) {
                case ZERO -> code.getstatic(LUA_VALUE, "NONE", LUA_VALUE);
                case ONE, MANY -> code.aload(1);
                case TWO -> code.aload(1).aload(2).invokestatic(LUA_VALUE, "varargsOf",
                        MethodTypeDesc.of(VARARGS, LUA_VALUE, VARARGS));
                case THREE -> code.aload(1).aload(2).aload(3).invokestatic(LUA_VALUE, "varargsOf",
                        MethodTypeDesc.of(VARARGS, LUA_VALUE, LUA_VALUE, VARARGS));
            }
            code.invokestatic(CHECKPOINTS, "interpreted", INTERPRETED);
            if (this != MANY) {
                code.invokevirtual(VARARGS, "arg1", MethodTypeDesc.of(LUA_VALUE));
            }
            code.areturn();
        }
    }

    /** Inserts the checkpoints into one method body, tracking where each label is. */
    private static final class LoopCheckpoints implements CodeTransform {

        private final Map<Label, Integer> labels = new HashMap<>();
        private final Optional<Redirect> redirect;
        private int instructions;
        private boolean entered;

        LoopCheckpoints(Optional<Redirect> redirect) {
            this.redirect = redirect;
        }

        /**
         * The entry checkpoint goes before the method's first instruction, after the line number that comes first:
         * a budget broken there is placed at the function's line, not at line -1 (a frame before any line).
         */
        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (!entered && element instanceof Instruction) {
                entered = true;
                if (redirect.isPresent()) {
                    Label compiled = builder.newLabel();
                    builder.invokestatic(CHECKPOINTS, "enter", ENTER).ifeq(compiled);
                    redirect.get().emit(builder);
                    builder.labelBinding(compiled);
                } else {
                    builder.loadConstant(1).invokestatic(CHECKPOINTS, "charge", CHARGE);
                }
            }
            switch (element) {
                case LabelTarget target -> labels.put(target.label(), instructions);
                case BranchInstruction branch when labels.containsKey(branch.target()) -> {
                    int body = instructions - labels.get(branch.target());
                    builder.loadConstant(1 + body / JVM_INSTRUCTIONS_PER_LUA_INSTRUCTION)
                            .invokestatic(CHECKPOINTS, "charge", CHARGE);
                    instructions++;
                }
                case Instruction ignored -> instructions++;
                default -> { }
            }
            builder.with(element);
        }
    }
}
