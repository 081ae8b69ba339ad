package dev.plinth.transfer.internal.http;

import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.http.PlinthHttp;
import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.resource.payload.PayloadSource;
import dev.plinth.transfer.internal.metrics.TransferCounters;
import dev.plinth.transfer.internal.session.Sessions;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /plinth/files/SHA256}: a file of a started resource's client payload by its current hash, for a live
 * session. {@code ETag} is the hash ({@code If-None-Match} answers 304), {@code Cache-Control} follows the file's
 * cache flag ({@code no-store} for {@code cache: false}), one {@code Range} resumes an interrupted transfer (206, or
 * 416 for a range the file cannot satisfy, see {@link ByteRange}). Anything else is a 404: a path that is not a hash
 * (traversal, encoded or not, never reaches the file system), an older hash, a stopped resource's file, a server-only
 * file, a token of an ended session. Files are read through their real path inside the resource, checked again before
 * each send.
 *
 * <p>Called on Jetty's threads, concurrently.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Protocol.FILES + "*")
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class FileServlet extends SessionServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient CurrentFiles files;

    /**
     * Creates the endpoint.
     *
     * @param sessions the sessions
     * @param counters the transfer counters
     * @param payloads the client payloads
     */
    @Activate
    public FileServlet(@Reference Sessions sessions, @Reference TransferCounters counters,
            @Reference ClientPayloads payloads) {
        super(sessions, counters);
        this.files = new CurrentFiles(payloads, counters);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String hash = Optional.ofNullable(request.getPathInfo()).map(p -> p.substring(1)).orElse("");
        Optional<PayloadSource> found = !Protocol.isSha256(hash) || session(request).isEmpty() ? Optional.empty()
                : files.find(hash);
        if (found.isEmpty()) {
            notFound(response);
            return;
        }
        PayloadSource source = found.get();
        long size = source.file().size();
        String etag = "\"" + hash + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", source.file().cache() ? "private, max-age=31536000, immutable" : "no-store");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String ifRange = request.getHeader("If-Range");
        ByteRange.Asked asked = ifRange != null && !ifRange.equals(etag) ? new ByteRange.Asked.Whole()
                : ByteRange.parse(request.getHeader("Range"), size);
        ByteRange range = switch (asked) {
            case ByteRange.Asked.Whole w -> new ByteRange(0, size - 1);
            case ByteRange.Asked.Part p -> p.range();
            case ByteRange.Asked.Unsatisfiable u -> null;
        };
        if (range == null) {
            response.setHeader("Content-Range", "bytes */" + size);
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        try (FileChannel channel = FileChannel.open(source.realPath(), StandardOpenOption.READ)) {
            if (channel.size() != size) {
                notFound(response); // it changed since it was hashed: its hash is no longer current
                return;
            }
            response.setContentType("application/octet-stream");
            if (asked instanceof ByteRange.Asked.Part) {
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader("Content-Range", range.contentRange(size));
                counters().resumed.increment();
            }
            response.setContentLengthLong(size == 0 ? 0 : range.length());
            counters().files.increment();
            if (!"HEAD".equals(request.getMethod()) && size > 0) {
                try (CurrentFiles.Sender sender = files.sender(response.getOutputStream())) {
                    sender.send(channel, range.first(), range.length());
                }
            }
        }
    }
}
