package dev.plinth.transfer.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirectBuffersTest {

    @Test
    void aBufferGivenBackIsReusedCleared() {
        var buffers = new DirectBuffers(1024, 2);
        var first = buffers.take();
        assertTrue(first.isDirect());
        assertEquals(1024, first.capacity());
        first.put((byte) 1).put((byte) 2);
        buffers.give(first);
        var again = buffers.take();
        assertSame(first, again);
        assertEquals(0, again.position());
        assertEquals(1024, again.limit());
    }

    @Test
    void keepsNoMoreThanItsCount() {
        var buffers = new DirectBuffers(16, 1);
        var a = buffers.take();
        var b = buffers.take();
        assertNotSame(a, b, "two sends at once get two buffers");
        buffers.give(a);
        buffers.give(b); // one too many: dropped
        assertSame(a, buffers.take());
        assertNotSame(b, buffers.take(), "the dropped one is not handed out again");
    }
}
