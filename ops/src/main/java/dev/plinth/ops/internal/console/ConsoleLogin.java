package dev.plinth.ops.internal.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.log.Logger;

/**
 * The web console's only way in: the user and password of {@code conf/server.json}. A browser gets a login form and,
 * once it posts the right credentials, a new session ({@link ConsoleSession}); a script may send HTTP Basic
 * credentials instead. Everything else gets the form with status 401, never a console page.
 *
 * <p>Registered by {@link ConsoleAccess} under the id {@value #ID}, which the framework property
 * {@code felix.webconsole.security.providers} makes the console wait for: without it, the console is not served at
 * all. Thread-safe: immutable.
 */
final class ConsoleLogin implements SecurityProvider {

    /** The id the console waits for. */
    static final String ID = "plinth";
    static final String LOGIN_PATH = "plinth-login";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/_.-]*");

    private final ConsoleSettings credentials;
    private final String root;
    private final Logger logger;

    ConsoleLogin(ConsoleSettings credentials, String root, Logger logger) {
        this.credentials = credentials;
        this.root = root;
        this.logger = logger;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> user = ConsoleSession.user(request);
        if (user.isPresent()) {
            return user.get();
        }
        Optional<String> basic = basic(request);
        if (basic.isPresent()) {
            return basic.get();
        }
        try {
            if ("POST".equals(request.getMethod()) && request.getRequestURI().equals(root + "/" + LOGIN_PATH)) {
                login(request, response);
            } else {
                form(response, request.getRequestURI(), false);
            }
        } catch (IOException e) {
            logger.debug("the web console's login answer was not delivered: {}", e.getMessage());
        }
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return true; // one user, the server owner
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ConsoleSession.USER);
            session.removeAttribute(ConsoleSession.CSRF);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        String password = request.getParameter("password");
        String target = request.getParameter("redirect");
        if (user != null && password != null && valid(user, password)) {
            ConsoleSession.login(request, user);
            logger.info("web console: {} logged in from {}", user, request.getRemoteAddr());
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", safeTarget(target));
            return;
        }
        logger.warn("web console: a failed login as '{}' from {}", user, request.getRemoteAddr());
        form(response, safeTarget(target), true);
    }

    private boolean valid(String user, String password) {
        try {
            return user.equals(credentials.user()) && PasswordHash.matches(password, credentials.password());
        } catch (IllegalArgumentException e) {
            logger.error("conf/server.json: {}", e.getMessage());
            return false;
        }
    }

    private Optional<String> basic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        return valid(user, decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
    }

    /** Where to go after logging in: a console page, never another site. */
    private String safeTarget(String target) {
        if (target != null && target.startsWith(root + "/") && !target.contains("//")
                && SAFE_PATH.matcher(target).matches() && !target.endsWith("/" + LOGIN_PATH)) {
            return target;
        }
        return root + "/" + ResourcesPage.LABEL;
    }

    private void form(HttpServletResponse response, String target, boolean failed) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        String redirect = safeTarget(target);
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Plinth console: log in</title>
                <style>body{font-family:sans-serif;background:#f4f4f4}form{width:20em;margin:6em auto;padding:2em;
                background:#fff;border:1px solid #ccc}label,input{display:block;width:100%%;margin:.4em 0}
                .error{color:#b00}</style></head>
                <body><form id="plinth-login-form" method="post" action="%s/%s">
                <h1>Plinth console</h1>%s
                <label for="plinth-user">User</label><input id="plinth-user" name="user" autocomplete="username">
                <label for="plinth-password">Password</label>
                <input id="plinth-password" name="password" type="password" autocomplete="current-password">
                <input type="hidden" name="redirect" value="%s">
                <input id="plinth-login" type="submit" value="Log in"></form></body></html>
                """.formatted(root, LOGIN_PATH,
                failed ? "<p class=\"error\" id=\"plinth-login-error\">Wrong user or password.</p>" : "", redirect));
    }
}
