package dev.plinth.bedrock.packs.internal.crafting;

import dev.plinth.core.runtime.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items laid out in a crafting grid, up to 3 rows of 3 cells, as a player puts them in a crafting table. Written
 * one row per word, cells separated by commas, {@code -} for an empty cell: {@code custom:ruby,-,-}. Immutable.
 *
 * @param rows the rows, each cell an item id or empty; every row as long as the longest
 */
public record CraftingGrid(List<List<Optional<String>>> rows) {

    /** The most rows and cells per row of a crafting table. */
    public static final int SIZE = 3;

    /** Copies the rows. */
    public CraftingGrid {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * Reads a grid.
     *
     * @param words one word per row: items separated by commas, {@code -} (or {@code air}) for an empty cell
     * @return the grid
     * @throws IllegalArgumentException when there are more than 3 rows or cells, an item id is malformed, or the grid
     *     is empty
     */
    public static CraftingGrid parse(List<String> words) {
        if (words.isEmpty() || words.size() > SIZE) {
            throw new IllegalArgumentException("a crafting grid has 1 to 3 rows, not " + words.size());
        }
        var rows = new ArrayList<List<Optional<String>>>();
        int width = 0;
        for (String word : words) {
            String[] cells = word.split(",", -1);
            if (cells.length > SIZE) {
                throw new IllegalArgumentException("a crafting grid's row has 1 to 3 cells, not " + cells.length
                        + " ('" + word + "')");
            }
            var row = new ArrayList<Optional<String>>();
            for (String cell : cells) {
                String item = cell.trim();
                row.add(item.isEmpty() || item.equals("-") || item.equals("air") || item.equals("minecraft:air")
                        ? Optional.empty() : Optional.of(Identifier.normalize(item)));
            }
            width = Math.max(width, row.size());
            rows.add(row);
        }
        for (List<Optional<String>> row : rows) {
            while (row.size() < width) {
                row.add(Optional.empty());
            }
        }
        var grid = new CraftingGrid(rows);
        if (grid.items().isEmpty()) {
            throw new IllegalArgumentException("the crafting grid is empty");
        }
        return grid;
    }

    /** {@return the items in the grid, row by row, empty cells left out} */
    public List<String> items() {
        return rows.stream().flatMap(List::stream).flatMap(Optional::stream).toList();
    }

    /**
     * The grid cut down to its items: the empty rows and columns around them removed, as Bedrock matches a shaped
     * recipe anywhere in the grid.
     *
     * @return the trimmed rows
     */
    public List<List<Optional<String>>> trimmed() {
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c).isPresent()) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                }
            }
        }
        var trimmed = new ArrayList<List<Optional<String>>>();
        for (int r = top; r <= bottom; r++) {
            trimmed.add(List.copyOf(rows.get(r).subList(left, right + 1)));
        }
        return trimmed;
    }

    /** Formats as {@code [custom:ruby, -, -] / [minecraft:stick, -, -]}. */
    @Override
    public String toString() {
        return String.join(" / ", rows.stream().map(row -> row.stream().map(c -> c.orElse("-")).toList().toString())
                .toList());
    }
}
