import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.TypeKind;
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
 * packages {@code org.luaj.vm2} and {@code org.luaj.vm2.compiler} into the bundle's classes, whole (bnd's
 * {@code -conditionalpackage} takes a package already in the classes as the bundle's own and copies none of it), with
 * calls into the host added to three classes where LuaJ's own Java code does work a script controls without any
 * checkpoint, and to three where it words an error:
 *
 * <ul>
 *   <li>{@code LuaString.hashCode(byte[], int, int)}: LuaJ hashes only every n-th byte of a long string, so keys
 *       differing in the skipped bytes all collide; the body is replaced by a call to the host's seeded hash of
 *       every byte ({@code StringHash.of});
 *   <li>{@code LuaString.concatTo(LuaString)}, {@code Buffer.makeroom(int, int)} and {@code Buffer.realloc(int, int)}:
 *       the {@code ..} operator allocates the joined string without asking; they now ask the resource's meter first
 *       ({@code Growth});
 *   <li>{@code LuaString.raweq(LuaString)} and {@code LuaString.strcmp(LuaString)}: {@code ==}, {@code <} and a
 *       lookup by a string key compare long strings byte by byte within one instruction; the bodies are replaced by
 *       the host's ({@code StringWork.equal}, {@code compare}), which charge the bytes they read, and
 *       {@code LuaString.scannumber} (arithmetic on a string, {@code tonumber}) charges them first
 *       ({@code StringWork.scan});
 *   <li>{@code LuaTable.heapSort(int, LuaValue)}, {@code LuaTable.insert(int, LuaValue)} and
 *       {@code LuaTable.remove(int)}: {@code table.sort}, {@code table.insert(t, 1, v)} and {@code table.remove(t, 1)}
 *       sort or shift a whole list for one call; the sort is charged first ({@code ListWork.sort}), the shifts are
 *       the host's ({@code ListWork.insert}, {@code remove}), charged as they move values;
 *   <li>{@code LuaClosure.processErrorHooks(LuaError, Prototype, int)}, where the interpreter places an error: its
 *       text is then said as PUC Lua says it, the variable named from the failing instruction
 *       ({@code ErrorNames.interpreted}: PUC's {@code file:line:}, none for level 0, the line of a tail call that
 *       called nil); an {@code error()} of level 2 or more is left to the caller's handler, one level less. Only errors
 *       pay for it;
 *   <li>{@code compiler.LexState.lexerror(String, int)}, where every syntax error is raised: worded as PUC Lua
 *       words it, {@code near} the token where the parser stopped ({@code SyntaxErrors}); the compiler package is
 *       copied whole for it;
 *   <li>{@code LuaValue.argerror(String)}, where every failed type check of an argument is raised: it throws the
 *       host's {@code ArgumentError}, which keeps the value, so the host function called can name itself and the
 *       argument ({@code bad argument #1 to 'give_item' (string expected, got nil)}).
 * </ul>
 *
 * Usage: {@code java PatchLuaJ.java <luaj-jse.jar> <classes folder>}.
 */
public final class PatchLuaJ {

    private static final ClassDesc STRING_HASH = ClassDesc.of("dev.plinth.lang.lua.internal.luaj.StringHash");
    private static final ClassDesc GROWTH = ClassDesc.of("dev.plinth.lang.lua.internal.luaj.Growth");
    private static final ClassDesc STRING_WORK = ClassDesc.of("dev.plinth.lang.lua.internal.luaj.StringWork");
    private static final ClassDesc LIST_WORK = ClassDesc.of("dev.plinth.lang.lua.internal.luaj.ListWork");
    /** LuaJ's packages copied whole: its core and its compiler. */
    private static final List<String> PACKAGES = List.of("org/luaj/vm2/", "org/luaj/vm2/compiler/");
    private static final ClassDesc LUA_STRING = ClassDesc.of("org.luaj.vm2.LuaString");
    private static final ClassDesc LUA_TABLE = ClassDesc.of("org.luaj.vm2.LuaTable");
    private static final ClassDesc LUA_ERROR = ClassDesc.of("org.luaj.vm2.LuaError");
    private static final ClassDesc LUA_CLOSURE = ClassDesc.of("org.luaj.vm2.LuaClosure");
    private static final ClassDesc GLOBALS = ClassDesc.of("org.luaj.vm2.Globals");
    private static final ClassDesc ERROR_NAMES = ClassDesc.of("dev.plinth.lang.lua.internal.diagnostics.ErrorNames");
    private static final ClassDesc SYNTAX_ERRORS =
            ClassDesc.of("dev.plinth.lang.lua.internal.diagnostics.SyntaxErrors");
    private static final ClassDesc ARGUMENT_ERROR =
            ClassDesc.of("dev.plinth.lang.lua.internal.diagnostics.ArgumentError");
    private static final ClassDesc LEX_STATE = ClassDesc.of("org.luaj.vm2.compiler.LexState");
    private static final ClassDesc LUA = ClassDesc.of("org.luaj.vm2.Lua");

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
                                        .invokestatic(GROWTH, "concat", MethodTypeDesc.ofDescriptor("(II)V")))),
                        delegating(LUA_STRING, "raweq", "(Lorg/luaj/vm2/LuaString;)Z", STRING_WORK, "equal"),
                        delegating(LUA_STRING, "strcmp", "(Lorg/luaj/vm2/LuaString;)I", STRING_WORK, "compare"),
                        ClassTransform.transformingMethodBodies(
                                method("scannumber", "()D").or(method("scannumber", "(I)D")),
                                atStart(code -> code
                                        .aload(0).getfield(LUA_STRING, "m_length", ConstantDescs.CD_int)
                                        .invokestatic(STRING_WORK, "scan", MethodTypeDesc.ofDescriptor("(I)V"))))),
                "org/luaj/vm2/LuaTable.class", List.of(
                        ClassTransform.transformingMethodBodies(
                                method("heapSort", "(ILorg/luaj/vm2/LuaValue;)V"),
                                atStart(code -> code
                                        .iload(1)
                                        .invokestatic(LIST_WORK, "sort", MethodTypeDesc.ofDescriptor("(I)V")))),
                        delegating(LUA_TABLE, "insert", "(ILorg/luaj/vm2/LuaValue;)V", LIST_WORK, "insert"),
                        delegating(LUA_TABLE, "remove", "(I)Lorg/luaj/vm2/LuaValue;", LIST_WORK, "remove")),
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
                                        .aload(1).getfield(LUA_ERROR, "level", ConstantDescs.CD_int)
                                        .aload(0).getfield(LUA_CLOSURE, "globals", GLOBALS)
                                        .invokestatic(ERROR_NAMES, "interpreted", MethodTypeDesc.ofDescriptor(
                                                "(Lorg/luaj/vm2/LuaError;Lorg/luaj/vm2/Prototype;II"
                                                        + "Lorg/luaj/vm2/Globals;)Ljava/lang/String;"))
                                        .putfield(LUA_ERROR, "traceback", ConstantDescs.CD_String))),
                        ClassTransform.transformingMethodBodies(
                                method("processErrorHooks", "(Lorg/luaj/vm2/LuaError;Lorg/luaj/vm2/Prototype;I)V"),
                                atStart(PatchLuaJ::deferToTheCaller))),
                "org/luaj/vm2/LuaValue.class", List.of(
                        ClassTransform.transformingMethods(
                                method("argerror", "(Ljava/lang/String;)Lorg/luaj/vm2/LuaValue;"), replaceBody(code -> code
                                        .aload(0).aload(1)
                                        .invokestatic(ARGUMENT_ERROR, "of", MethodTypeDesc.ofDescriptor(
                                                "(Lorg/luaj/vm2/LuaValue;Ljava/lang/String;)"
                                                        + "Ldev/plinth/lang/lua/internal/diagnostics/ArgumentError;"))
                                        .athrow()))),
                "org/luaj/vm2/compiler/LexState.class", List.of(
                        ClassTransform.transformingMethods(method("lexerror", "(Ljava/lang/String;I)V"),
                                replaceBody(PatchLuaJ::syntaxErrorAsPucSaysIt))));
        int copied = 0;
        try (var luaj = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(luaj.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || !PACKAGES.contains(name.substring(0, name.lastIndexOf('/') + 1))) {
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
        System.out.println("PatchLuaJ: " + copied + " classes of " + PACKAGES + " in " + classes);
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

    /**
     * Replaces the body of an instance method by a call to a static method of the host that takes the instance and
     * the method's arguments and returns what it returns.
     */
    private static ClassTransform delegating(ClassDesc owner, String name, String descriptor, ClassDesc host,
            String hostMethod) {
        MethodTypeDesc type = MethodTypeDesc.ofDescriptor(descriptor);
        return ClassTransform.transformingMethods(method(name, descriptor), replaceBody(code -> {
            code.aload(0);
            int slot = 1;
            for (ClassDesc parameter : type.parameterList()) {
                TypeKind kind = TypeKind.from(parameter);
                code.loadLocal(kind, slot);
                slot += kind.slotSize();
            }
            code.invokestatic(host, hostMethod, type.insertParameterTypes(0, owner))
                    .return_(TypeKind.from(type.returnType()));
        }));
    }

    /**
     * {@code error(message, level)} with a level of 2 or more: the function that failed leaves the error to the Lua
     * function that called it, one level less, placing nothing ({@code if (le.level >= 2) { le.level--; return; }}),
     * so the caller's handler places it at the call's line, as PUC Lua's {@code luaL_where(L, level)} does.
     */
    private static void deferToTheCaller(CodeBuilder code) {
        Label own = code.newLabel();
        code.aload(1).getfield(LUA_ERROR, "level", ConstantDescs.CD_int).iconst_2().if_icmplt(own)
                .aload(1).aload(1).getfield(LUA_ERROR, "level", ConstantDescs.CD_int).iconst_1().isub()
                .putfield(LUA_ERROR, "level", ConstantDescs.CD_int)
                .return_()
                .labelBinding(own);
    }

    /**
     * {@code LexState.lexerror(msg, token)}, where LuaJ raises every syntax error, becomes
     * {@code throw SyntaxErrors.of(Lua.chunkid(source.tojstring()), linenumber, msg, token, txtToken(token))}.
     */
    private static void syntaxErrorAsPucSaysIt(CodeBuilder code) {
        code.aload(0).getfield(LEX_STATE, "source", LUA_STRING)
                .invokevirtual(LUA_STRING, "tojstring", MethodTypeDesc.ofDescriptor("()Ljava/lang/String;"))
                .invokestatic(LUA, "chunkid", MethodTypeDesc.ofDescriptor("(Ljava/lang/String;)Ljava/lang/String;"))
                .aload(0).getfield(LEX_STATE, "linenumber", ConstantDescs.CD_int)
                .aload(1).iload(2)
                .aload(0).iload(2)
                .invokevirtual(LEX_STATE, "txtToken", MethodTypeDesc.ofDescriptor("(I)Ljava/lang/String;"))
                .invokestatic(SYNTAX_ERRORS, "of", MethodTypeDesc.ofDescriptor(
                        "(Ljava/lang/String;ILjava/lang/String;ILjava/lang/String;)Lorg/luaj/vm2/LuaError;"))
                .athrow();
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
