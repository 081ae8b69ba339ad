package dev.plinth.transfer.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answer of an endpoint that refuses a request it understood enough to explain: a status and
 * {@code {"error": "..."}}, never stored by a cache.
 *
 * <p>Stateless.
 */
final class ErrorAnswer {

    private ErrorAnswer() {}

    /**
     * Writes the answer.
     *
     * @param json the protocol's mapper
     * @param response the response, not committed yet
     * @param status the HTTP status
     * @param message what was wrong, for the user
     * @throws IOException when the client went away
     */
    static void write(ObjectMapper json, HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), Map.of("error", message));
    }
}
