package dev.plinth.client.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRequestTest {

    private static final String HASH = "ab".repeat(32);

    @Test
    void travelsAsJson() throws IOException {
        var json = Protocol.mapper();
        var batch = new BatchRequest(List.of(new BatchRequest.Wanted(HASH, 0), new BatchRequest.Wanted("cd".repeat(32),
                17)));
        String text = json.writeValueAsString(batch);
        assertEquals("{\"files\":[{\"hash\":\"" + HASH + "\",\"offset\":0},{\"hash\":\"" + "cd".repeat(32)
                + "\",\"offset\":17}]}", text);
        assertEquals(batch, json.readValue(text, BatchRequest.class));
    }

    @Test
    void refusesWhatNoServerShouldReadFurther() {
        assertThrows(IllegalArgumentException.class, () -> new BatchRequest(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BatchRequest(List.of(new BatchRequest.Wanted(HASH, 0),
                new BatchRequest.Wanted(HASH, 5))), "a hash twice");
        assertThrows(IllegalArgumentException.class, () -> new BatchRequest.Wanted("../../etc/passwd", 0));
        assertThrows(IllegalArgumentException.class, () -> new BatchRequest.Wanted(HASH.toUpperCase(), 0));
        assertThrows(IllegalArgumentException.class, () -> new BatchRequest.Wanted(HASH, -1));
        var many = new ArrayList<BatchRequest.Wanted>();
        for (int i = 0; i <= Protocol.MAX_BATCH_FILES; i++) {
            many.add(new BatchRequest.Wanted(String.format("%064x", i), 0));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new BatchRequest(many));
        assertEquals("a batch asks for 1 to 1000 files, not 1001", e.getMessage());
    }

    @Test
    void aMalformedBatchDoesNotParse() {
        var json = Protocol.mapper();
        assertThrows(ValueInstantiationException.class,
                () -> json.readValue("{\"files\": [{\"hash\": \"x\", \"offset\": 0}]}", BatchRequest.class));
        assertThrows(ValueInstantiationException.class, () -> json.readValue("{\"files\": []}", BatchRequest.class));
    }
}
