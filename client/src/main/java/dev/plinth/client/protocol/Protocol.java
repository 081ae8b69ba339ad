package dev.plinth.client.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/**
 * The paths and rules of the client protocol, on the server's HTTP port.
 *
 * <ul>
 * <li>{@code POST /plinth/join} with a {@link JoinRequest}: a {@link JoinResponse} (the player joins the world);</li>
 * <li>{@code GET /plinth/resources/NAME}: the {@link PayloadListing} of a started resource;</li>
 * <li>{@code GET /plinth/listings}: the {@link PayloadListings} of every started resource that sends clients something
 * (what a joining client asks for: one request instead of one per resource);</li>
 * <li>{@code GET /plinth/files/SHA256}: a payload file by its current hash ({@code ETag}, {@code Range},
 * {@code Cache-Control});</li>
 * <li>{@code POST /plinth/batch} with a {@link BatchRequest}: several payload files in one response, each from an
 * offset (what a client downloads most of the time: one request for many small files);</li>
 * <li>{@code GET /plinth/socket}: the session's WebSocket ({@link SocketMessage}s as JSON text);</li>
 * <li>{@code POST /plinth/leave}: ends the session (closing the socket does too);</li>
 * <li>{@code GET /stam/ROUTE...}: Staminal's {@code RequestUri} routes.</li>
 * </ul>
 * Every request but the join carries {@code Authorization: Bearer TOKEN}; anything that is not a file of a started
 * resource's payload, by its current hash, for a live session, is a 404.
 *
 * <p>Constants, and the JSON mapper both sides use.
 */
public final class Protocol {

    /** The join. */
    public static final String JOIN = "/plinth/join";
    /** The payload listings, followed by the resource name. */
    public static final String RESOURCES = "/plinth/resources/";
    /** Every payload listing in one answer ({@link PayloadListings}). */
    public static final String LISTINGS = "/plinth/listings";
    /** The files by hash, followed by the SHA-256. */
    public static final String FILES = "/plinth/files/";
    /** Several files in one response ({@link BatchRequest}). */
    public static final String BATCH = "/plinth/batch";
    /** The most files one {@link BatchRequest} may ask for. */
    public static final int MAX_BATCH_FILES = 1000;
    /** The session's WebSocket. */
    public static final String SOCKET = "/plinth/socket";
    /** The end of a session. */
    public static final String LEAVE = "/plinth/leave";
    /** Staminal's {@code stam://} routes, served under this prefix. */
    public static final String STAMINAL = "/stam";
    /** The version of this protocol and of the headless client. */
    public static final String VERSION = "0.1.0";
    /** What a player name looks like: 1 to 16 letters, digits or {@code _}. */
    public static final Pattern PLAYER_NAME = Pattern.compile("[A-Za-z0-9_]{1,16}");
    /** What a file hash looks like: SHA-256 in lower-case hexadecimal ({@link #isSha256} checks it without one). */
    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The deepest JSON a message may nest, as deep as a script value may be ({@code sandbox.max_value_depth}). */
    public static final int MAX_JSON_DEPTH = 32;

    private Protocol() {}

    /**
     * Whether a text is a file hash as {@link #SHA256} describes it, checked without a regular expression (a server
     * checks every hash of every batch).
     *
     * @param text the text
     * @return {@code true} for 64 lower-case hexadecimal digits
     */
    public static boolean isSha256(CharSequence text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A JSON mapper for the protocol's messages: records as they are, unknown fields ignored (a newer peer may send
     * more), nesting bounded by {@link #MAX_JSON_DEPTH}.
     *
     * @return a new mapper, thread-safe once configured
     */
    public static ObjectMapper mapper() {
        var factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                .build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * The value of the {@code Authorization} header of a session.
     *
     * @param token the session token
     * @return {@code Bearer TOKEN}
     */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
