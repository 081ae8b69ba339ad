package dev.plinth.lang.wasm.internal.module;

import com.dylibso.chicory.runtime.Machine;
import dev.plinth.lang.wasm.internal.meter.FuelCell;
import java.lang.reflect.InvocationTargetException;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The fuel of a compiled module in a static field instead of its fuel global. Chicory's compiler reads and writes a
 * global through the instance ({@code readGlobal(index, instance)}: an array lookup through two objects), which
 * costs more than the work it meters in small functions. This rewrites the classes it generates: every access to the
 * fuel global becomes a {@code getstatic} / {@code putstatic} of {@value #FIELD} in a class generated beside them,
 * {@value #CELL}, which the host reads through {@link FuelCell}. The field is per compiled module (its classes have
 * their own class loader), so a compiled module has one instance at a time.
 *
 * <p>Stateless and thread-safe.
 */
final class StaticFuel {

    /** The class that holds the fuel, in the compiled module's class loader. */
    static final String CELL = "com.dylibso.chicory.$gen.PlinthFuel";
    /** The static field that holds the fuel. */
    static final String FIELD = "fuel";

    private static final String CELL_INTERNAL = CELL.replace('.', '/');
    private static final String READ = "readGlobal";
    private static final String READ_DESCRIPTOR = "(ILcom/dylibso/chicory/runtime/Instance;)J";
    private static final String WRITE = "writeGlobal";
    private static final String WRITE_DESCRIPTOR = "(JILcom/dylibso/chicory/runtime/Instance;)V";

    private StaticFuel() {}

    /** {@return the class file of {@value #CELL}: a static {@code long} and a {@link FuelCell} over it} */
    static byte[] cellClass() {
        var writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, CELL_INTERNAL, null,
                "java/lang/Object", new String[] {Type.getInternalName(FuelCell.class)});
        writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, FIELD, "J", null, null).visitEnd();
        var init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        var get = writer.visitMethod(Opcodes.ACC_PUBLIC, "get", "()J", null, null);
        get.visitCode();
        get.visitFieldInsn(Opcodes.GETSTATIC, CELL_INTERNAL, FIELD, "J");
        get.visitInsn(Opcodes.LRETURN);
        get.visitMaxs(0, 0);
        get.visitEnd();
        var set = writer.visitMethod(Opcodes.ACC_PUBLIC, "set", "(J)V", null, null);
        set.visitCode();
        set.visitVarInsn(Opcodes.LLOAD, 1);
        set.visitFieldInsn(Opcodes.PUTSTATIC, CELL_INTERNAL, FIELD, "J");
        set.visitInsn(Opcodes.RETURN);
        set.visitMaxs(0, 0);
        set.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * Rewrites one generated class: {@code iconst G; aload instance; invokestatic readGlobal} becomes
     * {@code getstatic fuel}, and the same before {@code writeGlobal} becomes {@code putstatic fuel}. Nothing else
     * changes: the operand stack at every branch target stays the same, so the stack map frames stay valid.
     *
     * @param bytes the class file
     * @param fuelGlobal the fuel global's index
     * @return the class file, rewritten when it accessed the fuel global
     */
    static byte[] rewrite(byte[] bytes, int fuelGlobal) {
        var node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        boolean changed = false;
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof MethodInsnNode call) || call.getOpcode() != Opcodes.INVOKESTATIC) {
                    continue;
                }
                boolean read = call.name.equals(READ) && call.desc.equals(READ_DESCRIPTOR);
                boolean write = call.name.equals(WRITE) && call.desc.equals(WRITE_DESCRIPTOR);
                if (!read && !write) {
                    continue;
                }
                AbstractInsnNode instance = call.getPrevious();
                AbstractInsnNode index = instance == null ? null : instance.getPrevious();
                if (!(instance instanceof VarInsnNode load) || load.getOpcode() != Opcodes.ALOAD
                        || !Integer.valueOf(fuelGlobal).equals(intConstant(index))) {
                    continue;
                }
                var field = new FieldInsnNode(read ? Opcodes.GETSTATIC : Opcodes.PUTSTATIC, CELL_INTERNAL, FIELD, "J");
                method.instructions.set(call, field);
                method.instructions.remove(instance);
                method.instructions.remove(index);
                insn = field;
                changed = true;
            }
        }
        if (!changed) {
            return bytes;
        }
        var writer = new ClassWriter(0);
        node.accept(writer);
        return writer.toByteArray();
    }

    /**
     * The fuel cell of a compiled module's instance.
     *
     * @param machine the instance's machine, whose class loader holds the module's classes
     * @return the cell
     * @throws IllegalStateException when the module was not compiled with a static fuel cell
     */
    static FuelCell cell(Machine machine) {
        try {
            Class<?> cell = Class.forName(CELL, true, machine.getClass().getClassLoader());
            return (FuelCell) cell.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("the compiled module has no fuel cell: " + e, e);
        }
    }

    private static @Nullable Integer intConstant(@Nullable AbstractInsnNode insn) {
        return switch (insn) {
            case InsnNode constant when constant.getOpcode() >= Opcodes.ICONST_M1
                    && constant.getOpcode() <= Opcodes.ICONST_5 -> constant.getOpcode() - Opcodes.ICONST_0;
            case IntInsnNode push when push.getOpcode() == Opcodes.BIPUSH || push.getOpcode() == Opcodes.SIPUSH ->
                    push.operand;
            case LdcInsnNode ldc when ldc.cst instanceof Integer value -> value;
            case null, default -> null;
        };
    }
}
