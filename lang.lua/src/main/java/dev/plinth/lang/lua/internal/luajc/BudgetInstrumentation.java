package dev.plinth.lang.lua.internal.luajc;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites the classes LuaJC generates so their loops and calls can be stopped: a call to
 * {@link Checkpoints#charge(int)} at the entry of every method that runs Lua code (after its first line number) and
 * before every backward branch (every loop iteration), charging the number of bytecode instructions of the loop body
 * divided by {@value #JVM_INSTRUCTIONS_PER_LUA_INSTRUCTION}, about the Lua instructions it stands for.
 */
final class BudgetInstrumentation {

    /** LuaJC emits about this many JVM instructions per Lua instruction. */
    static final int JVM_INSTRUCTIONS_PER_LUA_INSTRUCTION = 4;

    private static final ClassDesc CHECKPOINTS = ClassDesc.of(Checkpoints.class.getName());
    private static final MethodTypeDesc CHARGE = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);

    private BudgetInstrumentation() {}

    /**
     * Instruments one generated class.
     *
     * @param bytes the class file LuaJC generated
     * @return the instrumented class file
     */
    static byte[] instrument(byte[] bytes) {
        var classFile = ClassFile.of();
        return classFile.transformClass(classFile.parse(bytes),
                ClassTransform.transformingMethodBodies(BudgetInstrumentation::runsLuaCode,
                        CodeTransform.ofStateful(LoopCheckpoints::new)));
    }

    private static boolean runsLuaCode(MethodModel method) {
        String name = method.methodName().stringValue();
        return !method.flags().has(AccessFlag.STATIC) && !name.startsWith("<") && !name.equals("initupvalue1");
    }

    /** Inserts the checkpoints into one method body, tracking where each label is. */
    private static final class LoopCheckpoints implements CodeTransform {

        private final Map<Label, Integer> labels = new HashMap<>();
        private int instructions;
        private boolean entered;

        /**
         * The entry checkpoint goes before the method's first instruction, after the line number that comes first:
         * a budget broken there is placed at the function's line, not at line -1 (a frame before any line).
         */
        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (!entered && element instanceof Instruction) {
                entered = true;
                builder.loadConstant(1).invokestatic(CHECKPOINTS, "charge", CHARGE);
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
