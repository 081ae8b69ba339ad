import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Build step of the Lua host (run by Maven before the bundle is made, as a single-file Java program): copies LuaJ's
 * package {@code org.luaj.vm2} into the bundle's classes, whole (bnd's {@code -conditionalpackage} takes a package
 * already in the classes as the bundle's own and copies none of it), with calls into the host added to two classes
 * where LuaJ's own Java code does work a script controls without any checkpoint, and one where it words an error:
 *
 * <ul>
 *   <li>{@code LuaString.hashCode(byte[], int, int)}: LuaJ hashes only every n-th byte of a long string, so keys
 *       differing in the skipped bytes all collide; the body is replaced by a call to the host's seeded hash of
 *       every byte ({@code StringHash.of});
 *   <li>{@code LuaString.concatTo(LuaString)}, {@code Buffer.makeroom(int, int)} and {@code Buffer.realloc(int, int)}:
 *       the {@code ..} operator allocates the joined string without asking; they now ask the resource's meter first
 *       ({@code Growth});
 *   <li>{@code LuaClosure.processErrorHooks(LuaError, Prototype, int)}, where the interpreter places an error: its
 *       text is then said as PUC Lua says it, the variable named from the failing instruction
 *       ({@code ErrorNames.interpreted}). Only errors pay for it.
 * </ul>
 *
 * Usage: {@code java PatchLuaJ.java <luaj-jse.jar> <classes folder>}.
 */
public final class PatchLuaJ {

    private static final ClassDesc STRING_HASH = ClassDesc.of("dev.plinth.lang.lua.internal.luaj.StringHash");
    private static final ClassDesc GROWTH = ClassDesc.of("dev.plinth.lang.lua.internal.luaj.Growth");
    private static final String PACKAGE = "org/luaj/vm2/";
    private static final ClassDesc LUA_STRING = ClassDesc.of("org.luaj.vm2.LuaString");
    private static final ClassDesc LUA_ERROR = ClassDesc.of("org.luaj.vm2.LuaError");
    private static final ClassDesc ERROR_NAMES = ClassDesc.of("dev.plinth.lang.lua.internal.diagnostics.ErrorNames");

    private PatchLuaJ() {}

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Map<String, List<ClassTransform>> patches = Map.of(
                "org/luaj/vm2/LuaString.class", List.of(
                        ClassTransform.transformingMethods(method("hashCode", "([BII)I"), replaceBody(code -> code
                                .aload(0).iload(1).iload(2)
                                .invokestatic(STRING_HASH, "of", MethodTypeDesc.ofDescriptor("([BII)I"))
                                .ireturn())),
                        ClassTransform.transformingMethodBodies(
                                method("concatTo", "(Lorg/luaj/vm2/LuaString;)Lorg/luaj/vm2/LuaValue;"),
                                atStart(code -> code
                                        .aload(1).getfield(LUA_STRING, "m_length", ConstantDescs.CD_int)
                                        .aload(0).getfield(LUA_STRING, "m_length", ConstantDescs.CD_int)
                                        .invokestatic(GROWTH, "concat", MethodTypeDesc.ofDescriptor("(II)V"))))),
                "org/luaj/vm2/Buffer.class", List.of(
                        ClassTransform.transformingMethodBodies(method("makeroom", "(II)V"), atStart(code -> code
                                .iload(1).iload(2)
                                .invokestatic(GROWTH, "room", MethodTypeDesc.ofDescriptor("(II)V")))),
                        ClassTransform.transformingMethodBodies(method("realloc", "(II)V"), atStart(code -> code
                                .iload(1)
                                .invokestatic(GROWTH, "size", MethodTypeDesc.ofDescriptor("(I)V"))))),
                "org/luaj/vm2/LuaClosure.class", List.of(
                        ClassTransform.transformingMethodBodies(
                                method("processErrorHooks", "(Lorg/luaj/vm2/LuaError;Lorg/luaj/vm2/Prototype;I)V"),
                                beforeReturn(code -> code
                                        .aload(1).aload(1).aload(2).iload(3)
                                        .invokestatic(ERROR_NAMES, "interpreted", MethodTypeDesc.ofDescriptor(
                                                "(Lorg/luaj/vm2/LuaError;Lorg/luaj/vm2/Prototype;I)Ljava/lang/String;"))
                                        .putfield(LUA_ERROR, "traceback", ConstantDescs.CD_String)))));
        int copied = 0;
        try (var luaj = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(luaj.entries())) {
                String name = entry.getName();
                if (!name.startsWith(PACKAGE) || name.indexOf('/', PACKAGE.length()) >= 0 || !name.endsWith(".class")) {
                    continue;
                }
                byte[] bytes;
                try (var in = luaj.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                List<ClassTransform> transforms = patches.get(name);
                if (transforms != null) {
                    bytes = patch(bytes, transforms);
                    System.out.println("PatchLuaJ: " + name + " patched");
                }
                Path target = classes.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                copied++;
            }
        }
        System.out.println("PatchLuaJ: " + copied + " classes of " + PACKAGE + " in " + classes);
    }

    private static byte[] patch(byte[] bytes, List<ClassTransform> transforms) {
        var file = ClassFile.of();
        byte[] patched = bytes;
        for (ClassTransform transform : transforms) {
            ClassModel model = file.parse(patched);
            patched = file.transformClass(model, transform);
        }
        return patched;
    }

    private static Predicate<MethodModel> method(String name, String descriptor) {
        return m -> m.methodName().equalsString(name) && m.methodType().equalsString(descriptor);
    }

    private static MethodTransform replaceBody(Consumer<CodeBuilder> body) {
        return (builder, element) -> {
            if (element instanceof CodeModel) {
                builder.withCode(body);
            } else {
                builder.with(element);
            }
        };
    }

    private static CodeTransform beforeReturn(Consumer<CodeBuilder> epilogue) {
        return (builder, element) -> {
            if (element instanceof java.lang.classfile.instruction.ReturnInstruction) {
                epilogue.accept(builder);
            }
            builder.with(element);
        };
    }

    private static CodeTransform atStart(Consumer<CodeBuilder> prologue) {
        return new CodeTransform() {
            @Override
            public void atStart(CodeBuilder builder) {
                prologue.accept(builder);
            }

            @Override
            public void accept(CodeBuilder builder, java.lang.classfile.CodeElement element) {
                builder.with(element);
            }
        };
    }
}
