package dev.plinth.bedrock.molang.internal.analysis;

import dev.plinth.bedrock.molang.MolangQuery;
import dev.plinth.bedrock.molang.internal.tree.Namespace;
import dev.plinth.bedrock.molang.internal.tree.Node;
import dev.plinth.bedrock.molang.internal.tree.Operator;
import dev.plinth.bedrock.molang.internal.tree.Trees;
import java.util.List;

/** What each kind of bound node yields. */
final class Kinds {

    private Kinds() {
    }

    static Kind of(Node node, Temporaries temporaries) {
        return switch (node) {
            case Node.Number n -> Kind.NUMBER;
            case Node.Text t -> Kind.TEXT;
            case Node.Constant c -> Kind.VALUE;
            case Node.This t -> Kind.NUMBER;
            case Node.QueryCall q -> switch (q.query()) {
                case MolangQuery.OfNumber n -> Kind.NUMBER;
                case MolangQuery.OfText t -> Kind.TEXT;
                case null, default -> Kind.VALUE;
            };
            case Node.Variable v -> v.namespace() == Namespace.TEMP && v.slot() >= 0
                    ? temporaries.kind(v.slot()) : Kind.VALUE;
            case Node.Index i -> Kind.VALUE;
            case Node.Binary b when b.operator() == Operator.COALESCE -> coalesce(b, temporaries);
            case Node.Conditional c -> conditional(c, temporaries);
            case Node.Assign a -> of(a.value(), temporaries);
            case Node.Arrow a -> Kind.VALUE; // nothing when the target is no entity
            case Node.Return r -> of(r.value(), temporaries);
            case Node.Program p -> program(p, Trees.all(p), temporaries);
            default -> Kind.NUMBER;
        };
    }

    private static Kind coalesce(Node.Binary b, Temporaries temporaries) {
        Kind left = of(b.left(), temporaries);
        Kind right = of(b.right(), temporaries);
        return left == right ? left : Kind.VALUE;
    }

    private static Kind conditional(Node.Conditional c, Temporaries temporaries) {
        Kind then = of(c.then(), temporaries);
        if (c.otherwise() == null) {
            return then == Kind.NUMBER ? Kind.NUMBER : Kind.VALUE;
        }
        Kind otherwise = of(c.otherwise(), temporaries);
        return then == otherwise ? then : Kind.VALUE;
    }

    /**
     * What a program yields.
     *
     * @param p the program
     * @param nodes every node of it
     * @param temporaries its temporaries
     * @return the kind
     */
    static Kind program(Node.Program p, List<Node> nodes, Temporaries temporaries) {
        if (!p.complex()) {
            return p.statements().isEmpty() ? Kind.NUMBER : of(p.statements().getFirst(), temporaries);
        }
        Kind kind = null;
        for (Node node : nodes) {
            if (node instanceof Node.Return r) {
                Kind k = of(r.value(), temporaries);
                kind = kind == null || kind == k ? k : Kind.VALUE;
            }
        }
        return kind == null || kind == Kind.NUMBER ? Kind.NUMBER : Kind.VALUE;
    }
}
