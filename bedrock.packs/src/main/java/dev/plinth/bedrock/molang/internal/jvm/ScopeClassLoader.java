package dev.plinth.bedrock.molang.internal.jvm;

import static java.lang.constant.ConstantDescs.CD_Object;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The class loader of one scope's compiled expressions, named {@code molang:OWNER}: every class compiled for the
 * scope is defined by it (as a hidden class next to its anchor class), so the classes belong to their owner and
 * are unloaded with the loader once the scope is closed and its expressions are dropped. Its parent is the Molang
 * bundle's loader, which provides the runtime classes the compiled code calls.
 */
final class ScopeClassLoader extends ClassLoader {

    /** The package of the anchor and of every compiled expression. */
    static final String PACKAGE = "dev.plinth.bedrock.molang.internal.jvm.compiled";

    private static final ClassDesc ANCHOR = ClassDesc.of(PACKAGE, "Anchor");
    private static final ClassDesc LOOKUP = Descriptors.desc(MethodHandles.Lookup.class);

    ScopeClassLoader(String owner, ClassLoader parent) {
        super("molang:" + owner, parent);
    }

    /**
     * Defines the anchor class and gets a full-privilege lookup on it, through which the expressions are defined.
     *
     * @return the lookup
     */
    MethodHandles.Lookup anchor() {
        byte[] bytes = ClassFile.of().build(ANCHOR, type -> type
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withSuperclass(CD_Object)
                .withMethodBody("lookup", MethodTypeDesc.of(LOOKUP), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        code -> code.invokestatic(ConstantDescs.CD_MethodHandles, "lookup",
                                MethodTypeDesc.of(LOOKUP)).areturn()));
        Class<?> anchor = defineClass(PACKAGE + ".Anchor", bytes, 0, bytes.length);
        try {
            return (MethodHandles.Lookup) MethodHandles.publicLookup()
                    .findStatic(anchor, "lookup", MethodType.methodType(MethodHandles.Lookup.class)).invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot reach the anchor class of " + getName(), e);
        }
    }
}
