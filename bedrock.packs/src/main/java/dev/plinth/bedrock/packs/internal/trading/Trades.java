package dev.plinth.bedrock.packs.internal.trading;

import dev.plinth.bedrock.packs.internal.definition.TradeTableDefinition;
import dev.plinth.bedrock.packs.internal.definition.TradeTableDefinition.Group;
import dev.plinth.bedrock.packs.internal.definition.TradeTableDefinition.Tier;
import dev.plinth.bedrock.packs.internal.definition.TradeTableDefinition.Trade;
import java.util.ArrayList;
import java.util.List;

/** Lists a trade table's tiers and trades, as {@code sim:trades} prints them. */
public final class Trades {

    private Trades() {}

    /**
     * Describes a trade table.
     *
     * @param table the table
     * @return one line per tier and per trade
     */
    public static List<String> describe(TradeTableDefinition table) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < table.tiers().size(); i++) {
            Tier tier = table.tiers().get(i);
            lines.add("tier " + (i + 1) + " (from " + tier.totalExpRequired() + " trader xp):");
            for (Group group : tier.groups()) {
                if (group.numToSelect() > 0) {
                    lines.add("  " + group.numToSelect() + " of:");
                }
                for (Trade trade : group.trades()) {
                    lines.add("  " + trade.wants() + " -> " + trade.gives() + " (max uses " + trade.maxUses()
                            + ", trader xp " + trade.traderExp() + ")");
                }
            }
        }
        return lines;
    }
}
