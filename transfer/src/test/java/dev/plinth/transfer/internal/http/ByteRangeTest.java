package dev.plinth.transfer.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static ByteRange part(String header, long size) {
        return assertInstanceOf(ByteRange.Asked.Part.class, ByteRange.parse(header, size)).range();
    }

    private static void unsatisfiable(String header, long size) {
        assertInstanceOf(ByteRange.Asked.Unsatisfiable.class, ByteRange.parse(header, size), header);
    }

    @Test
    void noHeaderIsTheWholeFile() {
        assertInstanceOf(ByteRange.Asked.Whole.class, ByteRange.parse(null, 10));
    }

    @Test
    void aFirstByteResumesToTheEnd() {
        var range = part("bytes=4-", 10);
        assertEquals(new ByteRange(4, 9), range);
        assertEquals(6, range.length());
        assertEquals("bytes 4-9/10", range.contentRange(10));
    }

    @Test
    void aLastBytePastTheEndIsTheEnd() {
        assertEquals(new ByteRange(2, 9), part("bytes=2-1000", 10));
        assertEquals(new ByteRange(0, 9), part("bytes=0-9223372036854775807", 10));
        assertEquals(new ByteRange(3, 5), part(" bytes=3-5 ", 10));
    }

    @Test
    void aSuffixIsTheLastBytes() {
        assertEquals(new ByteRange(7, 9), part("bytes=-3", 10));
        assertEquals(new ByteRange(0, 9), part("bytes=-100", 10), "more than the file: the file");
    }

    @Test
    void nothingMakesTheServerSendMoreThanTheFile() {
        for (String header : new String[] {"bytes=10-", "bytes=11-20", "bytes=5-4", "bytes=-0", "bytes=-",
                "bytes=0-1,2-3", "items=0-1", "bytes=99999999999999999999-", "bytes=0-99999999999999999999",
                "bytes=-1-2", "bytes=a-b", ""}) {
            unsatisfiable(header, 10);
        }
        unsatisfiable("bytes=-5", 0);
        unsatisfiable("bytes=0-", 0);
    }
}
