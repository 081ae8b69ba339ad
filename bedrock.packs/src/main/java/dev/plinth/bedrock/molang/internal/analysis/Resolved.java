package dev.plinth.bedrock.molang.internal.analysis;

import dev.plinth.bedrock.molang.MolangDiagnostic;
import dev.plinth.bedrock.molang.internal.tree.Node;
import java.util.List;

/**
 * An expression ready for a backend: its tree with every name bound and constants folded.
 *
 * @param source the text
 * @param program the bound tree
 * @param temporaries its {@code temp.*} variables
 * @param kind what it yields
 * @param diagnostics unknown queries and arrays, once each
 * @param usesVariables whether it reads or writes {@code variable.*} (the backends fetch the store once)
 * @param nodes every node of the bound tree, parents before their children, for the backends' scans
 */
public record Resolved(String source, Node.Program program, Temporaries temporaries, Kind kind,
        List<MolangDiagnostic> diagnostics, boolean usesVariables, List<Node> nodes) {

    /** Copies the lists. */
    public Resolved {
        diagnostics = List.copyOf(diagnostics);
        nodes = List.copyOf(nodes);
    }

    /**
     * The kind of a node of this expression.
     *
     * @param node a node of {@link #program()}
     * @return what it yields
     */
    public Kind kindOf(Node node) {
        return Kinds.of(node, temporaries);
    }
}
