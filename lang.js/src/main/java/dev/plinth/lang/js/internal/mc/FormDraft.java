package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.runtime.form.CustomForm;
import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.form.ModalForm;
import dev.plinth.core.runtime.form.SimpleForm;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.Members;
import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * A form being built by a script: {@code mc.form.simple(title, text).button("A").button("B").send(player, fn)},
 * {@code mc.form.modal(title, text [, yes, no])}, {@code mc.form.custom(title).input(...).toggle(...)}. The answer
 * reaches {@code fn(response)} on the game thread: {@code response.index} (0 for the first button),
 * {@code response.accepted}, {@code response.values}, {@code response.closed}.
 *
 * <p>Confined to the resource's calls while it is built.
 */
final class FormDraft extends Members {

    private final ResourceScope scope;
    private Form form;

    private static final List<String> KEYS = List.of("button", "buttons", "input", "toggle", "slider", "dropdown",
            "label", "send");

    private FormDraft(ResourceScope scope, Form form) {
        this.scope = scope;
        this.form = form;
    }

    static ProxyObject library(ResourceScope scope) {
        var form = new LinkedHashMap<String, Object>();
        form.put("simple", (ProxyExecutable) args -> new FormDraft(scope.requiring(Permission.PLAYER, "mc.form.simple"),
                SimpleForm.of(Args.string(args, 0, "mc.form.simple"), Args.string(args, 1, "", "mc.form.simple"))));
        form.put("modal", (ProxyExecutable) args -> {
            scope.require(Permission.PLAYER, "mc.form.modal");
            var modal = ModalForm.of(Args.string(args, 0, "mc.form.modal"), Args.string(args, 1, "", "mc.form.modal"));
            if (!Args.absent(args, 2)) {
                modal = modal.withButtons(Args.string(args, 2, "mc.form.modal"), Args.string(args, 3, "mc.form.modal"));
            }
            return new FormDraft(scope, modal);
        });
        form.put("custom", (ProxyExecutable) args -> new FormDraft(scope.requiring(Permission.PLAYER, "mc.form.custom"),
                CustomForm.of(Args.string(args, 0,
                "mc.form.custom"))));
        return ProxyObject.fromMap(form);
    }

    @Override
    protected List<String> keys() {
        return KEYS;
    }

    @Override
    protected @Nullable Object member(String key) {
        return switch (key) {
            case "button" -> (ProxyExecutable) args -> change(as(SimpleForm.class).withButton(Args.string(args, 0,
                    "form.button")));
            case "buttons" -> (ProxyExecutable) args -> change(as(ModalForm.class).withButtons(
                    Args.string(args, 0, "form.buttons"), Args.string(args, 1, "form.buttons")));
            case "input" -> (ProxyExecutable) args -> change(as(CustomForm.class).withInput(
                    Args.string(args, 0, "form.input"), Args.string(args, 1, "", "form.input")));
            case "toggle" -> (ProxyExecutable) args -> change(as(CustomForm.class).withToggle(
                    Args.string(args, 0, "form.toggle"), args.length > 1 && args[1].isBoolean() && args[1].asBoolean()));
            case "slider" -> (ProxyExecutable) args -> change(as(CustomForm.class).withSlider(
                    Args.string(args, 0, "form.slider"), Args.number(args, 1, "form.slider"),
                    Args.number(args, 2, "form.slider")));
            case "dropdown" -> (ProxyExecutable) args -> {
                var options = new ArrayList<String>();
                if (args.length < 2 || !args[1].hasArrayElements()) {
                    throw new IllegalArgumentException("form.dropdown: argument 2 must be an array of strings");
                }
                for (long i = 0; i < args[1].getArraySize(); i++) {
                    options.add(args[1].getArrayElement(i).asString());
                }
                return change(as(CustomForm.class).withDropdown(Args.string(args, 0, "form.dropdown"), options));
            };
            case "label" -> (ProxyExecutable) args -> change(as(CustomForm.class).withLabel(Args.string(args, 0,
                    "form.label")));
            case "send" -> (ProxyExecutable) args -> {
                send(scope.objects().unwrap(GameObjects.PLAYER, args.length > 0 ? args[0] : null, "form.send"),
                        Args.absent(args, 1) ? null : Args.function(args, 1, "form.send"));
                return null;
            };
            default -> null;
        };
    }

    private FormDraft change(Form changed) {
        form = changed;
        return this;
    }

    private <F extends Form> F as(Class<F> type) {
        if (type.isInstance(form)) {
            return type.cast(form);
        }
        throw new IllegalStateException("this method does not apply to a " + form.getClass().getSimpleName());
    }

    private void send(Player player, @Nullable Value callback) {
        GameThread game = scope.service(GameThread.class, "form.send");
        player.sendForm(form).thenAccept(response -> {
            if (callback != null) {
                game.execute(() -> scope.callBack("form answer", callback, response(response)));
            }
        });
    }

    private static Object response(FormResponse response) {
        var map = new LinkedHashMap<String, Object>(response.asMap());
        map.put("closed", !response.answered());
        return PlainValues.toScript(map);
    }

    @Override
    public String toString() {
        return "form: " + form.title();
    }
}
