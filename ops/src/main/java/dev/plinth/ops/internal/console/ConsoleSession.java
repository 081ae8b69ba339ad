package dev.plinth.ops.internal.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What a logged-in console session holds: the user and its CSRF token. Every state-changing request (a POST from a
 * Plinth page) must carry the token in the {@value #CSRF_HEADER} header, which another site's page cannot read or
 * set, and must come from the console's own origin when the browser says where it comes from.
 *
 * <p>Stateless: thread-safe.
 */
final class ConsoleSession {

    static final String USER = "dev.plinth.console.user";
    static final String CSRF = "dev.plinth.console.csrf";
    static final String CSRF_HEADER = "X-Plinth-CSRF";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleSession() {}

    /** Starts a session for a user who just logged in: a new session id (no fixation) and a new token. */
    static void login(HttpServletRequest request, String user) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        session.setAttribute(USER, user);
        session.setAttribute(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    /** {@return the logged-in user of the request's session} */
    static Optional<String> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(USER));
    }

    /** {@return the session's CSRF token, for the page to send back} */
    static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CSRF);
        return token == null ? "" : (String) token;
    }

    /**
     * Whether a state-changing request is the console's own: the session's token in the header, and an
     * {@code Origin} (when sent) equal to the request's own.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        String expected = token(request);
        String given = request.getHeader(CSRF_HEADER);
        if (expected.isEmpty() || given == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        URI from = URI.create(origin);
        return request.getScheme().equalsIgnoreCase(from.getScheme())
                && request.getServerName().equalsIgnoreCase(from.getHost())
                && request.getServerPort() == (from.getPort() == -1 ? defaultPort(from.getScheme()) : from.getPort());
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
