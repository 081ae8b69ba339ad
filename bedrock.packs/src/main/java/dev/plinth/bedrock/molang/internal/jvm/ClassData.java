package dev.plinth.bedrock.molang.internal.jvm;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The objects a generated class uses (queries, math functions, constant arguments and values), handed to it as
 * its class data: its static initializer copies each into a {@code static final} field, which the JIT treats as a
 * constant, so calls on them are direct and inlined.
 */
final class ClassData {

    private static final ClassDesc LOOKUP = Descriptors.desc(MethodHandles.Lookup.class);
    private static final ClassDesc OBJECTS = ConstantDescs.CD_Object.arrayType();

    private final ClassDesc owner;
    private final List<Object> values = new ArrayList<>();
    private final List<ClassDesc> types = new ArrayList<>();
    private final Map<Object, Integer> indexes = new IdentityHashMap<>();
    private final List<Object> initial = new ArrayList<>();

    ClassData(ClassDesc owner) {
        this.owner = owner;
    }

    /**
     * Loads an object onto the stack.
     *
     * @param code where
     * @param value the object
     * @param type the type the code sees it as
     */
    void load(CodeBuilder code, Object value, ClassDesc type) {
        code.getstatic(owner, field(index(value, type)), type);
    }

    /**
     * Loads, in the epilogue of the initializer ({@link #finish}), an object only the initializer uses: it comes
     * straight from the class data, with no field of its own.
     *
     * @param code the initializer's code
     * @param value the object
     * @param type the type the code sees it as
     */
    void loadInitial(CodeBuilder code, Object value, ClassDesc type) {
        initial.add(value);
        code.aload(0).loadConstant(values.size() + initial.size() - 1).aaload().checkcast(type);
    }

    private int index(Object value, ClassDesc type) {
        return indexes.computeIfAbsent(value, v -> {
            values.add(v);
            types.add(type);
            return values.size() - 1;
        });
    }

    private static String field(int index) {
        return "K" + index;
    }

    /**
     * Adds the fields and the static initializer that fills them; call once every constant is known.
     *
     * @param type the class being built
     * @param epilogue what the initializer does next, the class data in local 0 (see {@link #loadInitial})
     */
    void finish(ClassBuilder type, Consumer<CodeBuilder> epilogue) {
        for (int i = 0; i < values.size(); i++) {
            type.withField(field(i), types.get(i), ClassFile.ACC_STATIC | ClassFile.ACC_FINAL | ClassFile.ACC_PRIVATE);
        }
        type.withMethodBody(ConstantDescs.CLASS_INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_STATIC, code -> {
            code.invokestatic(ConstantDescs.CD_MethodHandles, "lookup", MethodTypeDesc.of(LOOKUP))
                    .ldc(ConstantDescs.DEFAULT_NAME).ldc(OBJECTS)
                    .invokestatic(ConstantDescs.CD_MethodHandles, "classData",
                            MethodTypeDesc.of(ConstantDescs.CD_Object, LOOKUP, ConstantDescs.CD_String,
                                    ConstantDescs.CD_Class))
                    .checkcast(OBJECTS).astore(0);
            for (int i = 0; i < values.size(); i++) {
                code.aload(0).loadConstant(i).aaload().checkcast(types.get(i)).putstatic(owner, field(i), types.get(i));
            }
            epilogue.accept(code);
        });
    }

    /**
     * The class data.
     *
     * @return the objects, by index
     */
    Object[] values() {
        var all = new ArrayList<>(values);
        all.addAll(initial);
        return all.toArray();
    }
}
