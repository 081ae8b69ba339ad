package dev.plinth.lang.wasm.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.plinth.lang.wasm.internal.meter.FuelCell;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import dev.plinth.lang.wasm.internal.testing.TestAccount;
import dev.plinth.lang.wasm.internal.testing.TestGuests;
import dev.plinth.lang.wasm.internal.testing.TestWatchdog;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GuestMemoryTest {

    private static final byte[] STEVE = "Steve".getBytes(StandardCharsets.UTF_8);

    private final FuelMeter meter = new FuelMeter(FuelLimits.of(1000, 1000, 10_000), TestGuests.BOUNDS, () -> 0,
            new TestAccount("t", 10_000), new TestWatchdog().watch("t", o -> { }));
    private final Memory memory = new ByteArrayMemory(new MemoryLimits(1));
    private final GuestMemory access = new GuestMemory(meter);
    private long fuel;

    GuestMemoryTest() {
        meter.bind(new FuelCell() {
            @Override
            public long get() {
                return fuel;
            }

            @Override
            public void set(long value) {
                fuel = value;
            }
        });
        fuel = 1000;
    }

    @Test
    void aValueThatFitsIsWrittenWithItsLengthAndCostsFuel() {
        memory.writeI32(64, 32);
        access.writeCapped(memory, "mc_get_player_name", 128, 64, STEVE);
        assertEquals("Steve", memory.readString(128, 5));
        assertEquals(5, memory.readInt(64));
        assertEquals(999, fuel, "one unit for a short copy");
    }

    @Test
    void aValueLongerThanTheBufferIsCutAndItsFullLengthStored() {
        memory.writeI32(64, 3);
        access.writeCapped(memory, "mc_get_player_name", 128, 64, STEVE);
        assertEquals("Ste", memory.readString(128, 3));
        assertEquals(0, memory.read(131), "nothing past the buffer's capacity");
        assertEquals(5, memory.readInt(64), "the module learns the full length");
    }

    @Test
    void aBufferOrACapacityOutsideTheMemoryIsATrapNamingTheFunction() {
        memory.writeI32(64, 32);
        var buffer = assertThrows(TrapException.class,
                () -> access.writeCapped(memory, "mc_get_player_name", 65_534, 64, STEVE));
        assertEquals("mc_get_player_name: pointer 65534 + length 5 is outside the module's memory (65536 bytes)",
                buffer.getMessage());
        var capacity = assertThrows(TrapException.class,
                () -> access.writeCapped(memory, "mc_get_player_name", 128, -2, STEVE));
        assertTrue(capacity.getMessage().startsWith("mc_get_player_name: pointer 4294967294 + length 4 is outside"),
                capacity.getMessage());
        assertEquals(0, memory.read(65_534), "nothing was written");
        assertThrows(TrapException.class, () -> access.writeCapped(null, "mc_get_player_name", 0, 4, STEVE));
    }
}
