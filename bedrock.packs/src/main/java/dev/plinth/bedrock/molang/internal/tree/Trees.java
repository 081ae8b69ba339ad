package dev.plinth.bedrock.molang.internal.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Walks a tree without recursion. */
public final class Trees {

    private Trees() {
    }

    /**
     * A node and everything below it, parents before their children.
     *
     * @param root the node
     * @return every node of the tree
     */
    public static List<Node> all(Node root) {
        var all = new ArrayList<Node>();
        var pending = new ArrayDeque<Node>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            all.add(node);
            List<Node> children = node.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return all;
    }
}
