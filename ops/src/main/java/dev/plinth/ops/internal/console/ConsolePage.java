package dev.plinth.ops.internal.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import org.apache.felix.webconsole.servlet.AbstractServlet;

/**
 * What Plinth's console pages share: JSON answers, the CSRF check of their POSTs, and the page skeleton that carries
 * the session's CSRF token and the script that refreshes the page's data without a reload.
 *
 * <p>Servlets: called on HTTP threads, concurrently; subclasses keep no per-request state.
 */
abstract class ConsolePage extends AbstractServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    /** The console menu's category of Plinth's pages. */
    static final String CATEGORY = "Plinth";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Writes a JSON answer with a status. */
    static void json(HttpServletResponse response, int status, Object value) throws IOException {
        byte[] body = JSON.writeValueAsBytes(value);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Refuses a POST that is not the console's own (no or a wrong CSRF token, another origin): 403 with a JSON error.
     *
     * @return whether the request may go on
     */
    static boolean checkPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ConsoleSession.sameOrigin(request)) {
            return true;
        }
        json(response, HttpServletResponse.SC_FORBIDDEN, new ActionAnswer(false, "ERR_PERMISSION_DENIED",
                "refused: the request carries no valid console token (CSRF check); reload the page"));
        return false;
    }

    /** The last path segment of a request, {@code data.json} for {@code .../plinth-resources/data.json}. */
    static String action(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? request.getRequestURI() : request.getPathInfo();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Writes the page: its markup, the CSRF token in a meta element, and its script.
     *
     * @param response the response
     * @param request the request (for the token)
     * @param markup the page's HTML
     * @param script the page's JavaScript, run once the page is loaded
     */
    static void page(HttpServletRequest request, HttpServletResponse response, String markup, String script)
            throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<meta name=\"plinth-csrf\" content=\"" + ConsoleSession.token(request) + "\">\n"
                + markup + "\n<script>\n" + COMMON_SCRIPT + script + "\n</script>\n");
    }

    /** Helpers every page's script uses: fetch JSON, POST with the token, escape-free DOM building. */
    private static final String COMMON_SCRIPT = """
            const plinthToken = document.querySelector('meta[name="plinth-csrf"]').content;
            async function plinthGet(url) {
              const response = await fetch(url, {credentials: 'same-origin', cache: 'no-store'});
              if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
              return response.json();
            }
            async function plinthPost(url, params) {
              const response = await fetch(url, {method: 'POST', credentials: 'same-origin',
                headers: {'X-Plinth-CSRF': plinthToken, 'Content-Type': 'application/x-www-form-urlencoded'},
                body: new URLSearchParams(params)});
              return response.json();
            }
            function plinthCell(row, text, className) {
              const cell = row.insertCell();
              cell.textContent = text;
              if (className) cell.className = className;
              return cell;
            }
            """;

    /**
     * The answer to a lifecycle action.
     *
     * @param ok whether it succeeded
     * @param code the error code when it failed ({@code ERR_SYSTEM_RESOURCE}), empty otherwise
     * @param message what was done, or why not
     */
    record ActionAnswer(boolean ok, String code, String message) {}
}
