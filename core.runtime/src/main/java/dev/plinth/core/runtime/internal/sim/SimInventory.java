package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Inventory;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/** A simulated player's 36 slots. Game thread only. */
final class SimInventory implements Inventory {

    static final int SIZE = 36;

    private final SimServer server;
    private final ItemStack[] slots = new ItemStack[SIZE];

    SimInventory(SimServer server) {
        this.server = server;
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public Optional<ItemStack> item(int slot) {
        server.checkThread();
        return Optional.ofNullable(slots[Objects.checkIndex(slot, SIZE)]);
    }

    @Override
    public void setItem(int slot, Optional<ItemStack> stack) {
        server.checkThread();
        slots[Objects.checkIndex(slot, SIZE)] = stack.orElse(null);
    }

    @Override
    public int add(ItemStack stack) {
        server.checkThread();
        int max = server.content().maxStack(stack.type());
        int left = stack.count();
        for (int i = 0; i < SIZE && left > 0; i++) {
            if (slots[i] != null && slots[i].type().equals(stack.type()) && slots[i].count() < max) {
                int moved = Math.min(left, max - slots[i].count());
                slots[i] = slots[i].withCount(slots[i].count() + moved);
                left -= moved;
            }
        }
        for (int i = 0; i < SIZE && left > 0; i++) {
            if (slots[i] == null) {
                int moved = Math.min(left, max);
                slots[i] = stack.withCount(moved);
                left -= moved;
            }
        }
        return left;
    }

    @Override
    public boolean remove(String type, int count) {
        String id = Identifier.normalize(type);
        if (count(id) < count) {
            return false;
        }
        int left = count;
        for (int i = 0; i < SIZE && left > 0; i++) {
            if (slots[i] != null && slots[i].type().equals(id)) {
                int taken = Math.min(left, slots[i].count());
                slots[i] = taken == slots[i].count() ? null : slots[i].withCount(slots[i].count() - taken);
                left -= taken;
            }
        }
        return true;
    }

    @Override
    public int count(String type) {
        server.checkThread();
        String id = Identifier.normalize(type);
        return Arrays.stream(slots).filter(s -> s != null && s.type().equals(id)).mapToInt(ItemStack::count).sum();
    }

    @Override
    public List<ItemStack> contents() {
        server.checkThread();
        return Arrays.stream(slots).filter(Objects::nonNull).toList();
    }

    /** {@return each non-empty slot as {@code slot: type xcount}} */
    List<String> describe() {
        server.checkThread();
        return IntStream.range(0, SIZE)
                .filter(i -> slots[i] != null)
                .mapToObj(i -> i + ": " + slots[i])
                .toList();
    }

    @Override
    public void clear() {
        server.checkThread();
        Arrays.fill(slots, null);
    }
}
