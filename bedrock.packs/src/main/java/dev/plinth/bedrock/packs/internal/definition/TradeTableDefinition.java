package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A trade table, named by its path ({@code trading/guard_trades.json}): tiers of trades, either listed directly
 * ({@code tiers[].trades}) or in groups of which some are picked ({@code tiers[].groups[].num_to_select}), as
 * {@code minecraft:trade_table} and {@code minecraft:economy_trade_table} use them. Immutable.
 *
 * @param id its path
 * @param source where it was read
 * @param json the file's JSON
 * @param tiers its tiers
 */
public record TradeTableDefinition(String id, Source source, JsonNode json, List<Tier> tiers) implements Definition {

    /** Copies the tiers. */
    public TradeTableDefinition {
        tiers = List.copyOf(tiers);
    }

    /**
     * A tier.
     *
     * @param totalExpRequired the trader experience it needs
     * @param groups its groups (a tier listing trades directly has one group taking them all)
     */
    public record Tier(int totalExpRequired, List<Group> groups) {}

    /**
     * A group of trades.
     *
     * @param numToSelect how many are offered, 0 for all
     * @param trades the trades
     */
    public record Group(int numToSelect, List<Trade> trades) {}

    /**
     * A trade.
     *
     * @param wants what the trader wants
     * @param gives what it gives
     * @param traderExp experience the trader gains
     * @param maxUses how often it can be made
     * @param rewardExp whether the player gets experience
     */
    public record Trade(List<TradeItem> wants, List<TradeItem> gives, int traderExp, int maxUses, boolean rewardExp) {}

    /**
     * An item of a trade.
     *
     * @param item the item id
     * @param quantity how many
     * @param priceMultiplier how demand changes the price
     */
    public record TradeItem(String item, Amount quantity, double priceMultiplier) {
        @Override
        public String toString() {
            String count = quantity instanceof Amount.Range(double min, double max) ? (long) min + "-" + (long) max
                    : quantity instanceof Amount.Constant(double value) ? Long.toString((long) value) : "?";
            return item + " x" + count;
        }
    }

    /**
     * Reads one trade table.
     *
     * @param id its path
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     */
    public static TradeTableDefinition read(String id, Json root, Source source, Reading reading) {
        if (!root.get("tiers").isArray()) {
            throw root.problem("a trade table is an object with an array of tiers");
        }
        var tiers = new ArrayList<Tier>();
        for (Json tier : root.get("tiers").elements()) {
            var groups = new ArrayList<Group>();
            if (tier.get("trades").present()) {
                groups.add(new Group(0, trades(tier.get("trades"), reading)));
            }
            for (Json group : tier.get("groups").elements()) {
                groups.add(new Group((int) group.get("num_to_select").number(0), trades(group.get("trades"), reading)));
            }
            tiers.add(new Tier((int) tier.get("total_exp_required").number(0), groups));
        }
        return new TradeTableDefinition(id, source, root.node(), tiers);
    }

    private static List<Trade> trades(Json trades, Reading reading) {
        return trades.elements().stream().map(trade -> new Trade(items(trade.get("wants"), reading),
                items(trade.get("gives"), reading), (int) trade.get("trader_exp").number(0),
                (int) trade.get("max_uses").number(12), trade.get("reward_exp").bool(true))).toList();
    }

    private static List<TradeItem> items(Json items, Reading reading) {
        var list = new ArrayList<TradeItem>();
        for (Json item : items.elements()) {
            if (item.get("choice").present()) {
                list.addAll(items(item.get("choice"), reading));
                continue;
            }
            Json quantity = item.get("quantity");
            list.add(new TradeItem(item.get("item").text(), quantity.present() ? Amount.read(quantity, reading)
                    : new Amount.Constant(1), item.get("price_multiplier").number(0)));
        }
        return list;
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.TRADE_TABLE;
    }

    @Override
    public List<String> summary() {
        var lines = new ArrayList<String>();
        lines.add("trade table " + id + " (" + source + "): " + tiers.size() + " tier(s)");
        return lines;
    }
}
