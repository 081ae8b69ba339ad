package dev.plinth.transfer.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.protocol.BatchRequest;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.http.PlinthHttp;
import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.resource.payload.PayloadSource;
import dev.plinth.transfer.internal.metrics.TransferCounters;
import dev.plinth.transfer.internal.session.Sessions;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /plinth/batch}: several payload files in one response ({@link BatchRequest}), for a live session — what
 * makes a client's many small files cost one request instead of one each. Every file asked for is checked before a
 * byte is sent: a hash that is not the current one of a started resource's client file (the same rule as
 * {@code /plinth/files/}) makes the whole answer a 404, an offset at or past a file's end a 416, a body that is not a
 * batch (malformed, more than {@value Protocol#MAX_BATCH_FILES} files, a hash twice, over {@value #MAX_BODY} bytes)
 * a 400 with {@code {"error": "..."}}. The answer is {@code application/octet-stream}, {@code no-store}, its
 * {@code Content-Length} the sum of what is sent; a file that changed on disk while it is being sent ends the
 * connection early, so the client sees a short answer, never wrong bytes under a right length.
 *
 * <p>Called on Jetty's threads, concurrently.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Protocol.BATCH)
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class BatchServlet extends SessionServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    /** The largest request body: a full batch of hashes and offsets, with room for whitespace. */
    static final int MAX_BODY = Protocol.MAX_BATCH_FILES * 128;

    private final transient CurrentFiles files;
    private final transient ObjectMapper json = Protocol.mapper();

    /** One file to send, checked. */
    private record Part(PayloadSource source, long offset) {
        long length() {
            return source.file().size() - offset;
        }
    }

    /**
     * Creates the endpoint.
     *
     * @param sessions the sessions
     * @param counters the transfer counters
     * @param payloads the client payloads
     */
    @Activate
    public BatchServlet(@Reference Sessions sessions, @Reference TransferCounters counters,
            @Reference ClientPayloads payloads) {
        super(sessions, counters);
        this.files = new CurrentFiles(payloads, counters);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (session(request).isEmpty()) {
            notFound(response);
            return;
        }
        BatchRequest batch;
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                ErrorAnswer.write(json, response, 400, "a batch request holds at most " + MAX_BODY + " bytes");
                return;
            }
            batch = json.readValue(bytes, BatchRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            ErrorAnswer.write(json, response, 400, "a batch is {\"files\": [{\"hash\": SHA256, \"offset\": 0}, ...]}"
                    + " with 1 to " + Protocol.MAX_BATCH_FILES + " different files: " + reason(e));
            return;
        }
        var parts = new ArrayList<Part>(batch.files().size());
        long total = 0;
        for (BatchRequest.Wanted wanted : batch.files()) {
            Optional<PayloadSource> found = files.find(wanted.hash());
            if (found.isEmpty()) {
                notFound(response);
                return;
            }
            long size = found.get().file().size();
            if (wanted.offset() > 0 && wanted.offset() >= size) {
                response.setHeader("Cache-Control", "no-store");
                response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                response.setContentLength(0);
                return;
            }
            var part = new Part(found.get(), wanted.offset());
            parts.add(part);
            total += part.length();
        }
        response.setContentType("application/octet-stream");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLengthLong(total);
        send(parts, response.getOutputStream());
    }

    private void send(List<Part> parts, ServletOutputStream out) throws IOException {
        try (CurrentFiles.Sender sender = files.sender(out)) {
            for (Part part : parts) {
                send(part, sender);
            }
        }
    }

    private void send(Part part, CurrentFiles.Sender sender) throws IOException {
        try (FileChannel channel = FileChannel.open(part.source().realPath(), StandardOpenOption.READ)) {
            if (channel.size() != part.source().file().size()) {
                // It changed since it was hashed; the length is promised already: end the answer short.
                throw new IOException(part.source().resource() + ":" + part.source().file().path()
                        + " changed on disk while a batch was being sent");
            }
            counters().files.increment();
            if (part.offset() > 0) {
                counters().resumed.increment();
            }
            sender.send(channel, part.offset(), part.length());
        }
    }

    private static String reason(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
