package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.runtime.form.CustomForm;
import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormElement;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.form.Forms;
import dev.plinth.core.runtime.form.ModalForm;
import dev.plinth.core.runtime.form.SimpleForm;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.lua.internal.binding.HostType;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import java.util.ArrayList;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A form being built in Lua: {@code mc.form.simple(title, text):button("A"):button("B"):send(player, fn)},
 * {@code mc.form.modal(title, text [, yes, no])}, {@code mc.form.custom(title):input(...):toggle(...)}. The answer
 * reaches {@code fn(response)} on the game thread: {@code response.index} (0 for the first button),
 * {@code response.accepted}, {@code response.values}, {@code response.closed}.
 *
 * <p>Confined to the resource's thread while it is built.
 */
final class FormDraft {

    private final ResourceContext context;
    private Form form;

    private FormDraft(ResourceContext context, Form form) {
        this.context = context;
        this.form = form;
    }

    static final HostType<FormDraft> TYPE = HostType.builder("form", FormDraft.class)
            .requires(Permission.PLAYER)
            .describedAs(draft -> "form: " + draft.form.title())
            .holding(draft -> bytes(draft.form))
            .method("button", (draft, label) -> draft.change(draft.as(SimpleForm.class).withButton(label.checkjstring())))
            .method("buttons", (draft, yes, no) ->
                    draft.change(draft.as(ModalForm.class).withButtons(yes.checkjstring(), no.checkjstring())))
            .method("input", (draft, label, placeholder) ->
                    draft.change(draft.as(CustomForm.class).withInput(label.checkjstring(), placeholder.optjstring(""))))
            .method("toggle", (draft, label, value) ->
                    draft.change(draft.as(CustomForm.class).withToggle(label.checkjstring(), value.optboolean(false))))
            .varargsMethod("slider", (draft, args) -> draft.change(draft.as(CustomForm.class)
                    .withSlider(args.checkjstring(1), args.checkdouble(2), args.checkdouble(3))))
            .method("dropdown", (draft, label, options) -> {
                var list = new ArrayList<String>();
                LuaTable table = options.checktable();
                for (int i = 1; i <= table.length(); i++) {
                    list.add(table.get(i).checkjstring());
                }
                return draft.change(draft.as(CustomForm.class).withDropdown(label.checkjstring(), list));
            })
            .method("label", (draft, text) -> draft.change(draft.as(CustomForm.class).withLabel(text.checkjstring())))
            .method("send", (draft, player, callback) -> {
                draft.send(PlayerType.TYPE.self(player), callback);
                return LuaValue.NONE;
            })
            .build();

    static LuaTable library(ResourceContext context) {
        var form = new LuaTable();
        form.rawset("simple", LuaFunctions.of(args -> {
            context.require(Permission.PLAYER, "mc.form.simple");
            return TYPE.wrap(new FormDraft(context, SimpleForm.of(args.checkjstring(1), args.optjstring(2, ""))));
        }));
        form.rawset("modal", LuaFunctions.of(args -> {
            context.require(Permission.PLAYER, "mc.form.modal");
            var modal = ModalForm.of(args.checkjstring(1), args.optjstring(2, ""));
            if (!args.isnoneornil(3)) {
                modal = modal.withButtons(args.checkjstring(3), args.checkjstring(4));
            }
            return TYPE.wrap(new FormDraft(context, modal));
        }));
        form.rawset("custom", LuaFunctions.of(args -> {
            context.require(Permission.PLAYER, "mc.form.custom");
            return TYPE.wrap(new FormDraft(context, CustomForm.of(args.checkjstring(1))));
        }));
        return form;
    }

    /** What a form keeps of the texts the script gave it, about two bytes a character. */
    private static long bytes(Form form) {
        return switch (form) {
            case SimpleForm simple -> chars(simple.title()) + chars(simple.content())
                    + simple.buttons().stream().mapToLong(FormDraft::chars).sum();
            case ModalForm modal -> chars(modal.title()) + chars(modal.content()) + chars(modal.yes())
                    + chars(modal.no());
            case CustomForm custom -> chars(custom.title()) + custom.elements().stream().mapToLong(element ->
                    switch (element) {
                        case FormElement.Label label -> chars(label.text());
                        case FormElement.Input input -> chars(input.label()) + chars(input.placeholder())
                                + chars(input.defaultValue());
                        case FormElement.Toggle toggle -> chars(toggle.label());
                        case FormElement.Slider slider -> chars(slider.label());
                        case FormElement.Dropdown dropdown -> chars(dropdown.label())
                                + dropdown.options().stream().mapToLong(FormDraft::chars).sum();
                    }).sum();
        };
    }

    private static long chars(String text) {
        return 40 + 2L * text.length();
    }

    private LuaValue change(Form changed) {
        form = changed;
        return TYPE.wrap(this);
    }

    private <F extends Form> F as(Class<F> type) {
        if (type.isInstance(form)) {
            return type.cast(form);
        }
        throw new LuaError("this method does not apply to a " + form.getClass().getSimpleName());
    }

    private void send(dev.plinth.core.runtime.player.Player player, LuaValue callback) {
        context.hold(callback);
        GameThread game = context.service(GameThread.class, "form:send");
        context.service(Forms.class, "form:send").send(player, form).thenAccept(response -> {
            if (callback.isfunction() && !context.script().isClosed()) {
                game.execute(() -> {
                    if (!context.script().isClosed()) { // its form closed as the resource stopped
                        context.callBack("form answer", callback, response(response));
                    }
                });
            }
        });
    }

    private static LuaTable response(FormResponse response) {
        var table = (LuaTable) PlainValues.toLua(response.asMap());
        table.rawset("closed", LuaValue.valueOf(!response.answered()));
        return table;
    }

}
