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
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.jar.JarFile;

/**
 * Build step of the Lua host (run by Maven before the bundle is made, as a single-file Java program): copies two of
 * LuaJ's classes into the bundle's classes with calls into the host added, where LuaJ's own Java code does work a
 * script controls without any checkpoint:
 *
 * <ul>
 *   <li>{@code LuaString.hashCode(byte[], int, int)}: LuaJ hashes only every n-th byte of a long string, so keys
 *       differing in the skipped bytes all collide; the body is replaced by a call to the host's seeded hash of
 *       every byte ({@code StringHash.of});
 *   <li>{@code LuaString.concatTo(LuaString)}, {@code Buffer.makeroom(int, int)} and {@code Buffer.realloc(int, int)}:
 *       the {@code ..} operator allocates the joined string without asking; they now ask the resource's meter first
 *       ({@code Growth}).
 * </ul>
 *
 * Usage: {@code java PatchLuaJ.java <luaj-jse.jar> <classes folder>}.
 */
public final class PatchLuaJ {

    private static final ClassDesc STRING_HASH = ClassDesc.of("dev.plinth.lang.lua.internal.luaj.StringHash");
    private static final ClassDesc GROWTH = ClassDesc.of("dev.plinth.lang.lua.internal.luaj.Growth");
    private static final ClassDesc LUA_STRING = ClassDesc.of("org.luaj.vm2.LuaString");

    private PatchLuaJ() {}

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        try (var luaj = new JarFile(jar.toFile())) {
            patch(luaj, classes, "org/luaj/vm2/LuaString.class", List.of(
                    ClassTransform.transformingMethods(method("hashCode", "([BII)I"), replaceBody(code -> code
                            .aload(0).iload(1).iload(2)
                            .invokestatic(STRING_HASH, "of", MethodTypeDesc.ofDescriptor("([BII)I"))
                            .ireturn())),
                    ClassTransform.transformingMethodBodies(
                            method("concatTo", "(Lorg/luaj/vm2/LuaString;)Lorg/luaj/vm2/LuaValue;"),
                            atStart(code -> code
                                    .aload(1).getfield(LUA_STRING, "m_length", ConstantDescs.CD_int)
                                    .aload(0).getfield(LUA_STRING, "m_length", ConstantDescs.CD_int)
                                    .invokestatic(GROWTH, "concat", MethodTypeDesc.ofDescriptor("(II)V"))))));
            patch(luaj, classes, "org/luaj/vm2/Buffer.class", List.of(
                    ClassTransform.transformingMethodBodies(method("makeroom", "(II)V"), atStart(code -> code
                            .iload(1).iload(2)
                            .invokestatic(GROWTH, "room", MethodTypeDesc.ofDescriptor("(II)V")))),
                    ClassTransform.transformingMethodBodies(method("realloc", "(II)V"), atStart(code -> code
                            .iload(1)
                            .invokestatic(GROWTH, "size", MethodTypeDesc.ofDescriptor("(I)V"))))));
        }
    }

    private static void patch(JarFile luaj, Path classes, String entry, List<ClassTransform> transforms)
            throws IOException {
        var file = ClassFile.of();
        byte[] patched;
        try (var in = luaj.getInputStream(luaj.getEntry(entry))) {
            patched = in.readAllBytes();
        }
        for (ClassTransform transform : transforms) {
            ClassModel model = file.parse(patched);
            patched = file.transformClass(model, transform);
        }
        Path target = classes.resolve(entry);
        Files.createDirectories(target.getParent());
        Files.write(target, patched);
        System.out.println("PatchLuaJ: " + entry + " patched");
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
