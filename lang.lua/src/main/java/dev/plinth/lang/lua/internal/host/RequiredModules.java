package dev.plinth.lang.lua.internal.host;

import dev.plinth.lang.lua.internal.sandbox.ModuleNames;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.ast.Exp;
import org.luaj.vm2.ast.Visitor;
import org.luaj.vm2.parser.LuaParser;
import org.luaj.vm2.parser.ParseException;
import org.luaj.vm2.parser.TokenMgrError;

/**
 * The modules a Lua file requires by name: the calls of {@code require} whose argument is a constant string
 * ({@code require("shared.util")}, {@code require "shared.util"}), anywhere in the file, found by LuaJ's own parser and
 * its syntax tree, and mapped to files as {@code require} maps them ({@link ModuleNames}). A name computed at run time
 * is not known here, nor is a {@code require} reached through another variable.
 *
 * <p>Stateless; thread-safe.
 */
final class RequiredModules {

    private RequiredModules() {}

    /**
     * The files a Lua file requires.
     *
     * @param source the file's bytes
     * @return the files, relative to the resource, in the order of the calls; empty when the file does not parse (its
     *     start reports that)
     */
    static Set<String> of(byte[] source) {
        var files = new LinkedHashSet<String>();
        try {
            // ISO-8859-1 reads each byte as one character: the names that require accepts are ASCII.
            new LuaParser(new InputStreamReader(new ByteArrayInputStream(source), StandardCharsets.ISO_8859_1))
                    .Chunk().accept(new Visitor() {
                        @Override
                        public void visit(Exp.FuncCall call) {
                            if (call.lhs instanceof Exp.NameExp function && function.name.name.equals("require")
                                    && call.args.exps instanceof List<?> arguments && arguments.size() == 1
                                    && arguments.getFirst() instanceof Exp.Constant constant
                                    && constant.value.isstring() && !constant.value.isnumber()) {
                                ModuleNames.file(constant.value.tojstring()).ifPresent(files::add);
                            }
                            super.visit(call);
                        }
                    });
        } catch (ParseException | TokenMgrError | RuntimeException e) {
            return Set.of();
        }
        return files;
    }
}
