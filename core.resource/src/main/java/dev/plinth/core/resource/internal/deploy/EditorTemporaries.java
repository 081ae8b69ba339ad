package dev.plinth.core.resource.internal.deploy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The files editors and tools write beside the ones being edited, and remove again: swap, lock, backup and partial
 * files. They are not a resource's content: they are left out of its fingerprint and of its bundle, and a change to
 * one never reloads anything.
 *
 * <p>Known: Vim ({@code .main.lua.swp} .. {@code .swa}, {@code 4913}, {@code main.lua~}, {@code .main.lua.un~}),
 * Emacs ({@code #main.lua#}, {@code .#main.lua}), JetBrains safe writes ({@code main.lua___jb_tmp___},
 * {@code ___jb_old___}), Kate ({@code .kate-swp}), gedit ({@code .goutputstream-*}), {@code sed -i}
 * ({@code sedAb12Cd}), LibreOffice ({@code .~lock.*#}), and {@code *.tmp}, {@code *.temp}, {@code *.part},
 * {@code *.crdownload}, {@code *.swp}, {@code .DS_Store}, {@code Thumbs.db}, {@code desktop.ini}. Plinth's own
 * atomic writes use {@code .part} and {@code .tmp} names too.
 */
public final class EditorTemporaries {

    private static final Pattern TEMPORARY = Pattern.compile(
            "\\..*\\.sw[a-px]x?|.*\\.swp|4913|.*~|#.*#|\\.#.*|.*___jb_(tmp|old)___|.*\\.kate-swp|\\.goutputstream-.*"
            + "|sed[A-Za-z0-9]{6}|\\.~lock\\..*#|.*\\.(tmp|temp|part|crdownload)|\\.ds_store|thumbs\\.db|desktop\\.ini");

    private EditorTemporaries() {}

    /**
     * Whether a file name is an editor's or a tool's temporary.
     *
     * @param fileName the name, without its folder
     * @return {@code true} for a temporary
     */
    public static boolean isTemporary(String fileName) {
        return TEMPORARY.matcher(fileName.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * Whether any part of a relative path is a temporary (a file, or a file inside a temporary folder).
     *
     * @param relative a path with {@code /}
     * @return {@code true} when a part of it is
     */
    public static boolean isTemporaryPath(String relative) {
        for (String part : relative.split("/")) {
            if (!part.isEmpty() && isTemporary(part)) {
                return true;
            }
        }
        return false;
    }
}
