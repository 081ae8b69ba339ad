package dev.plinth.bedrock.molang.internal.syntax;

import dev.plinth.bedrock.molang.MolangErrorCode;
import dev.plinth.bedrock.molang.MolangSyntaxException;
import dev.plinth.bedrock.molang.internal.tree.Namespace;
import dev.plinth.bedrock.molang.internal.tree.Node;
import dev.plinth.bedrock.molang.internal.tree.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a Molang expression or program into a {@link Node.Program}, by recursive descent. Precedence, loosest
 * first: assignment {@code =} (right to left), conditional {@code ?:} and {@code ?} (right to left), {@code ??},
 * {@code ||}, {@code &&}, {@code == !=}, {@code < <= > >=}, {@code + -}, {@code * /}, unary {@code - !}, then
 * {@code ->} and {@code [index]}. Names are case-insensitive; namespaces have their short aliases ({@code q.},
 * {@code v.}, {@code t.}, {@code c.}).
 *
 * <p>It refuses sources longer than {@link #MAX_SOURCE_LENGTH} characters, parentheses, blocks and unary operators
 * nested deeper than {@link #MAX_NESTING}, and trees deeper than {@link #MAX_DEPTH}, so that no input can exhaust
 * the stack of the parser or of the backends.
 */
public final class Parser {

    /** The longest source accepted, in characters. */
    public static final int MAX_SOURCE_LENGTH = 65_536;
    /** The deepest nesting of parentheses, blocks, branches and unary operators accepted. */
    public static final int MAX_NESTING = 128;
    /** The deepest tree accepted (a chain {@code 1+1+1...} is as deep as it is long). */
    public static final int MAX_DEPTH = 512;

    private static final Map<String, Namespace> VARIABLES = Map.of(
            "variable", Namespace.VARIABLE, "v", Namespace.VARIABLE,
            "temp", Namespace.TEMP, "t", Namespace.TEMP,
            "context", Namespace.CONTEXT, "c", Namespace.CONTEXT);

    private final String source;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /**
     * Parses a source.
     *
     * @param source the Molang text
     * @return its tree, with names not yet bound
     * @throws MolangSyntaxException when the text is not Molang, or too long or too deep
     */
    public static Node.Program parse(String source) {
        if (source.length() > MAX_SOURCE_LENGTH) {
            throw Failures.syntax(MolangErrorCode.TOO_LARGE, source.substring(0, 80), 0,
                    "the expression has " + source.length() + " characters, more than the "
                            + MAX_SOURCE_LENGTH + " allowed");
        }
        var parser = new Parser(source, Lexer.tokens(source));
        Node.Program program = parser.program();
        if (parser.tokens.size() + 2 > MAX_DEPTH) {
            // every node but the program and a bare return's 0 takes a token of its own: fewer tokens, no deeper
            parser.checkDepth(program);
        }
        return program;
    }

    private Node.Program program() {
        var statements = new ArrayList<Node>();
        boolean complex = false;
        while (!at(TokenKind.END)) {
            if (accept(TokenKind.SEMICOLON)) {
                complex = true;
                continue;
            }
            Node statement = statement();
            statements.add(statement);
            if (accept(TokenKind.SEMICOLON)) {
                complex = true;
            } else if (!at(TokenKind.END) && !endsWithBlock(statement)) {
                throw unexpected("';' or the end");
            }
        }
        // several statements (a block may be followed by one without ';') make a program, as ';' does
        return new Node.Program(statements, complex || statements.size() > 1);
    }

    private Node statement() {
        Token token = peek();
        if (token.kind() == TokenKind.NAME) {
            switch (token.text()) {
                case "return" -> {
                    next++;
                    if (at(TokenKind.SEMICOLON) || at(TokenKind.END) || at(TokenKind.RIGHT_BRACE)) {
                        return new Node.Return(new Node.Number(0));
                    }
                    return new Node.Return(expression());
                }
                case "break" -> {
                    next++;
                    return new Node.Break(token.offset());
                }
                case "continue" -> {
                    next++;
                    return new Node.Continue(token.offset());
                }
                default -> {
                    // an expression statement
                }
            }
        }
        return expression();
    }

    private Node expression() {
        enter();
        Token start = peek();
        Node left = conditional();
        if (accept(TokenKind.ASSIGN)) {
            if (!(left instanceof Node.Variable target) || target.namespace() == Namespace.CONTEXT) {
                throw Failures.syntax(MolangErrorCode.NOT_ASSIGNABLE, source, start.offset(),
                        "only a variable. or temp. can be assigned");
            }
            left = new Node.Assign(target, expression());
        }
        depth--;
        return left;
    }

    private Node conditional() {
        Node condition = binary(LOOSEST);
        if (!accept(TokenKind.QUESTION)) {
            return condition;
        }
        Node then = statement();
        Node otherwise = accept(TokenKind.COLON) ? statement() : null;
        return new Node.Conditional(condition, then, otherwise);
    }

    /** The loosest binary level, {@code ??}. */
    private static final int LOOSEST = 0;

    /**
     * How tightly a token binds as a binary operator, loosest first: {@code ??}, {@code ||}, {@code &&},
     * {@code == !=}, {@code < <= > >=}, {@code + -}, {@code * /}.
     *
     * @return the level, or -1 when the token is no binary operator
     */
    private static int level(TokenKind kind) {
        return switch (kind) {
            case COALESCE -> 0;
            case OR -> 1;
            case AND -> 2;
            case EQUAL, NOT_EQUAL -> 3;
            case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> 4;
            case PLUS, MINUS -> 5;
            case STAR, SLASH -> 6;
            default -> -1;
        };
    }

    private static Operator operator(TokenKind kind) {
        return switch (kind) {
            case COALESCE -> Operator.COALESCE;
            case OR -> Operator.OR;
            case AND -> Operator.AND;
            case EQUAL -> Operator.EQUAL;
            case NOT_EQUAL -> Operator.NOT_EQUAL;
            case LESS -> Operator.LESS;
            case LESS_EQUAL -> Operator.LESS_EQUAL;
            case GREATER -> Operator.GREATER;
            case GREATER_EQUAL -> Operator.GREATER_EQUAL;
            case PLUS -> Operator.ADD;
            case MINUS -> Operator.SUBTRACT;
            case STAR -> Operator.MULTIPLY;
            case SLASH -> Operator.DIVIDE;
            default -> throw new AssertionError(kind + " is no binary operator");
        };
    }

    /** Binary operators binding at least as tightly as {@code level}, by precedence climbing; left-associative. */
    private Node binary(int level) {
        Node left = unary();
        for (TokenKind kind = peek().kind(); level(kind) >= level; kind = peek().kind()) {
            next++;
            left = new Node.Binary(operator(kind), left, binary(level(kind) + 1));
        }
        return left;
    }

    private Node unary() {
        if (accept(TokenKind.MINUS)) {
            enter();
            Node operand = unary();
            depth--;
            return new Node.Negate(operand);
        }
        if (accept(TokenKind.BANG)) {
            enter();
            Node operand = unary();
            depth--;
            return new Node.Not(operand);
        }
        return postfix();
    }

    private Node postfix() {
        Node node = primary();
        while (true) {
            if (accept(TokenKind.ARROW)) {
                node = new Node.Arrow(node, primary());
            } else if (accept(TokenKind.LEFT_BRACKET)) {
                node = new Node.Index(node, expression());
                expect(TokenKind.RIGHT_BRACKET);
            } else if (node instanceof Node.ArrayReference && accept(TokenKind.LEFT_BRACE)) {
                // array.geos{v.index}: braces as brackets, as Microsoft's shapeshifter sample writes it
                node = new Node.Index(node, expression());
                expect(TokenKind.RIGHT_BRACE);
            } else {
                return node;
            }
        }
    }

    private Node primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                next++;
                return new Node.Number(token.number());
            }
            case STRING -> {
                next++;
                return new Node.Text(token.text());
            }
            case LEFT_PAREN -> {
                next++;
                Node inner = expression();
                expect(TokenKind.RIGHT_PAREN);
                return inner;
            }
            case LEFT_BRACE -> {
                next++;
                return block();
            }
            case NAME -> {
                next++;
                return name(token);
            }
            default -> throw unexpected("an expression");
        }
    }

    private Node.Block block() {
        enter();
        var statements = new ArrayList<Node>();
        while (!accept(TokenKind.RIGHT_BRACE)) {
            if (accept(TokenKind.SEMICOLON)) {
                continue;
            }
            Node statement = statement();
            statements.add(statement);
            if (!accept(TokenKind.SEMICOLON) && !at(TokenKind.RIGHT_BRACE) && !endsWithBlock(statement)) {
                throw unexpected("';' or '}'");
            }
        }
        depth--;
        return new Node.Block(statements);
    }

    private Node name(Token token) {
        String word = token.text();
        Namespace namespace = VARIABLES.get(word);
        if (namespace != null) {
            return new Node.Variable(namespace, member(), -1, token.offset());
        }
        return switch (word) {
            case "true" -> new Node.Number(1);
            case "false" -> new Node.Number(0);
            case "this" -> new Node.This();
            case "query", "q" -> new Node.QueryCall(member(), arguments(), null, null, 0, token.offset());
            case "math" -> new Node.FunctionCall(member(), arguments(), token.offset());
            case "geometry", "material", "texture" -> new Node.Text(word + "." + member());
            case "array" -> new Node.ArrayReference(member(), token.offset());
            case "loop" -> loop(token);
            case "for_each" -> forEach(token);
            case "return", "break", "continue" -> throw Failures.syntax(MolangErrorCode.UNEXPECTED_TOKEN, source,
                    token.offset(), "'" + word + "' must start a statement");
            default -> throw Failures.syntax(MolangErrorCode.UNKNOWN_NAME, source, token.offset(),
                    "unknown name '" + word + "': names start with query., variable., temp., context., math., "
                            + "array., geometry., material. or texture.");
        };
    }

    private Node loop(Token token) {
        expect(TokenKind.LEFT_PAREN);
        Node count = expression();
        expect(TokenKind.COMMA);
        Node body = expression();
        expect(TokenKind.RIGHT_PAREN);
        return new Node.Loop(count, body, token.offset());
    }

    private Node forEach(Token token) {
        expect(TokenKind.LEFT_PAREN);
        Token start = peek();
        Node variable = expression();
        if (!(variable instanceof Node.Variable target) || target.namespace() == Namespace.CONTEXT) {
            throw Failures.syntax(MolangErrorCode.NOT_ASSIGNABLE, source, start.offset(),
                    "for_each needs a variable. or temp. to hold each element");
        }
        expect(TokenKind.COMMA);
        Node array = expression();
        expect(TokenKind.COMMA);
        Node body = expression();
        expect(TokenKind.RIGHT_PAREN);
        return new Node.ForEach(target, array, body, token.offset());
    }

    /** {@code .name(.name)*} after a namespace: the member name, parts joined with dots. */
    private String member() {
        expect(TokenKind.DOT);
        String first = expect(TokenKind.NAME).text();
        if (!at(TokenKind.DOT) || tokens.get(next + 1).kind() != TokenKind.NAME) {
            return first;
        }
        var name = new StringBuilder(first);
        while (at(TokenKind.DOT) && tokens.get(next + 1).kind() == TokenKind.NAME) {
            next++;
            name.append('.').append(tokens.get(next++).text());
        }
        return name.toString();
    }

    /** {@code (a, b, ...)} after a function or query name, or nothing. */
    private List<Node> arguments() {
        if (!accept(TokenKind.LEFT_PAREN)) {
            return List.of();
        }
        var arguments = new ArrayList<Node>();
        if (accept(TokenKind.RIGHT_PAREN)) {
            return arguments;
        }
        do {
            arguments.add(expression());
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RIGHT_PAREN);
        return arguments;
    }

    private static boolean endsWithBlock(Node statement) {
        return statement instanceof Node.Block || statement instanceof Node.Loop
                || statement instanceof Node.ForEach;
    }

    private void enter() {
        if (++depth > MAX_NESTING) {
            throw Failures.syntax(MolangErrorCode.TOO_LARGE, source, peek().offset(),
                    "the expression nests deeper than " + MAX_NESTING + " levels");
        }
    }

    /** Left-leaning chains ({@code 1+1+1...}) deepen the tree without deepening the parser: measure it too. */
    private void checkDepth(Node.Program program) {
        Node[] nodes = new Node[64];
        int[] depths = new int[64];
        nodes[0] = program;
        depths[0] = 1;
        int pending = 1;
        while (pending > 0) {
            pending--;
            Node node = nodes[pending];
            int depth = depths[pending];
            if (depth > MAX_DEPTH) {
                throw Failures.syntax(MolangErrorCode.TOO_LARGE, source, 0,
                        "the expression is deeper than " + MAX_DEPTH + " operations");
            }
            List<Node> children = node.children();
            if (pending + children.size() > nodes.length) {
                int size = Math.max(nodes.length * 2, pending + children.size());
                nodes = Arrays.copyOf(nodes, size);
                depths = Arrays.copyOf(depths, size);
            }
            for (Node child : children) {
                nodes[pending] = child;
                depths[pending++] = depth + 1;
            }
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    private boolean accept(TokenKind kind) {
        if (at(kind)) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(TokenKind kind) {
        if (!at(kind)) {
            throw unexpected(kind.shown());
        }
        return tokens.get(next++);
    }

    private MolangSyntaxException unexpected(String expected) {
        Token found = peek();
        if (found.kind() == TokenKind.END) {
            return Failures.syntax(MolangErrorCode.UNEXPECTED_END, source, found.offset(), "expected " + expected);
        }
        return Failures.syntax(MolangErrorCode.UNEXPECTED_TOKEN, source, found.offset(),
                "expected " + expected + ", found " + found.shown());
    }
}
