package dev.cordon.query.odata;

import dev.cordon.query.odata.FilterExpression.And;
import dev.cordon.query.odata.FilterExpression.Comparison;
import dev.cordon.query.odata.FilterExpression.Or;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the {@code $filter} subset clients of the machine-actions API use:
 * <pre>
 * filter     := or END
 * or         := and ("or" and)*
 * and        := primary ("and" primary)*
 * primary    := "(" or ")" | startswith | any | comparison
 * startswith := "startswith" "(" field "," string ")"
 * any        := collection "/" "any" "(" [ variable ":" ( variable "eq" string | "startswith" "(" variable "," string ")" ) ] ")"
 * comparison := field op literal
 * </pre>
 * Only parentheses recurse, and their depth is capped, so hostile input cannot exhaust the stack; the length and the
 * number of clauses are capped too, so no filter makes a query the database would take long to plan.
 */
public final class ODataParser {

    public static final int MAX_LENGTH = 2000;
    public static final int MAX_DEPTH = 32;
    /** Comparisons and function calls together. */
    public static final int MAX_CLAUSES = 100;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}Z?");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,10}");
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private final List<Token> tokens;
    private final FilterSchema schema;
    private int index;
    private int clauses;

    private ODataParser(List<Token> tokens, FilterSchema schema) {
        this.tokens = tokens;
        this.schema = schema;
    }

    public static FilterExpression parse(String filter, FilterSchema schema) {
        if (filter.length() > MAX_LENGTH) {
            throw new ODataException("Invalid $filter: longer than " + MAX_LENGTH + " characters");
        }
        ODataParser parser = new ODataParser(ODataLexer.tokenize(filter), schema);
        if (parser.peek().type() == TokenType.END) {
            throw ODataException.at(0, "empty filter");
        }
        FilterExpression expression = parser.or(0);
        Token rest = parser.peek();
        if (rest.type() == TokenType.CLOSE) {
            throw ODataException.at(rest.position(), "')' without matching '('");
        }
        if (rest.type() != TokenType.END) {
            throw ODataException.at(rest.position(), "expected 'and', 'or' or end of filter but found " + rest.describe());
        }
        return expression;
    }

    private FilterExpression or(int depth) {
        FilterExpression left = and(depth);
        while (peek().isWord("or")) {
            index++;
            left = new Or(left, and(depth));
        }
        return left;
    }

    private FilterExpression and(int depth) {
        FilterExpression left = primary(depth);
        while (peek().isWord("and")) {
            index++;
            left = new And(left, primary(depth));
        }
        return left;
    }

    private FilterExpression primary(int depth) {
        Token token = peek();
        if (token.type() != TokenType.OPEN) {
            if (++clauses > MAX_CLAUSES) {
                throw ODataException.at(token.position(), "more than " + MAX_CLAUSES + " clauses");
            }
            if (token.isWord("startswith") && tokens.get(index + 1).type() == TokenType.OPEN) {
                return startsWith();
            }
            if (token.type() == TokenType.WORD && tokens.get(index + 1).type() == TokenType.SLASH) {
                return any();
            }
            return comparison();
        }
        if (depth >= MAX_DEPTH) {
            throw ODataException.at(token.position(), "parentheses nested deeper than " + MAX_DEPTH);
        }
        index++;
        FilterExpression inner = or(depth + 1);
        Token close = peek();
        if (close.type() != TokenType.CLOSE) {
            throw ODataException.at(close.position(),
                    "expected ')' to close '(' at position " + token.position() + " but found " + close.describe());
        }
        index++;
        return inner;
    }

    private FilterExpression startsWith() {
        Token function = next();
        next();
        Token name = next();
        if (name.type() != TokenType.WORD) {
            throw ODataException.at(name.position(), "expected a field name in startswith() but found "
                    + name.describe());
        }
        FilterField field = field(name);
        if (field.kind() != FieldKind.STRING) {
            throw ODataException.at(name.position(), "startswith() takes a text field; '" + field.name()
                    + "' is not one");
        }
        expect(TokenType.COMMA, "',' in startswith()");
        String prefix = field.normaliser().apply(quoted(field, next()));
        Token close = next();
        if (close.type() != TokenType.CLOSE) {
            throw ODataException.at(close.position(), "expected ')' to close startswith( at position "
                    + function.position() + " but found " + close.describe());
        }
        return new FilterExpression.StartsWith(field, prefix);
    }

    /** Defender's {@code machineTags/any(tag: tag eq 'x')}; the variable may have any name, used consistently. */
    private FilterExpression any() {
        Token name = next();
        FilterField field = field(name);
        if (field.kind() != FieldKind.COLLECTION) {
            throw ODataException.at(name.position(), "'/' may follow only a collection field; '" + field.name()
                    + "' is not one");
        }
        next();
        Token any = next();
        if (!any.isWord("any")) {
            throw ODataException.at(any.position(), "expected 'any' after '" + field.name() + "/' but found "
                    + any.describe());
        }
        expect(TokenType.OPEN, "'(' after 'any'");
        if (peek().type() == TokenType.CLOSE) {
            next();
            return new FilterExpression.Any(field, null, false);
        }
        Token variable = next();
        if (variable.type() != TokenType.WORD) {
            throw ODataException.at(variable.position(), "expected a variable name in any() but found "
                    + variable.describe());
        }
        expect(TokenType.COLON, "':' after the variable '" + variable.text() + "'");
        FilterExpression.Any condition;
        Token first = next();
        if (first.isWord("startswith") && peek().type() == TokenType.OPEN) {
            next();
            expectVariable(variable, next());
            expect(TokenType.COMMA, "',' in startswith()");
            condition = new FilterExpression.Any(field, quoted(field, next()), true);
            expect(TokenType.CLOSE, "')' to close startswith(");
        } else {
            expectVariable(variable, first);
            Token operator = next();
            if (!operator.isWord("eq")) {
                throw ODataException.at(operator.position(), "inside any() only '" + variable.text()
                        + " eq' and startswith(" + variable.text() + ",...) are supported, found " + operator.describe());
            }
            condition = new FilterExpression.Any(field, quoted(field, next()), false);
        }
        expect(TokenType.CLOSE, "')' to close any(");
        return condition;
    }

    private void expectVariable(Token variable, Token found) {
        if (found.type() != TokenType.WORD || !found.text().equals(variable.text())) {
            throw ODataException.at(found.position(), "expected the variable '" + variable.text() + "' but found "
                    + found.describe());
        }
    }

    private void expect(TokenType type, String what) {
        Token token = next();
        if (token.type() != type) {
            throw ODataException.at(token.position(), "expected " + what + " but found " + token.describe());
        }
    }

    private FilterField field(Token name) {
        return schema.field(name.text()).orElseThrow(() -> ODataException.at(name.position(),
                "unknown field '" + name.text() + "'; filterable fields are: " + schema.names()));
    }

    private Comparison comparison() {
        Token name = next();
        if (name.type() != TokenType.WORD) {
            throw ODataException.at(name.position(), "expected a field name but found " + name.describe());
        }
        FilterField field = field(name);
        if (field.kind() == FieldKind.COLLECTION) {
            throw ODataException.at(name.position(), "'" + field.name() + "' holds several values: filter it with "
                    + field.name() + "/any(tag: tag eq 'x')");
        }
        Token opToken = next();
        ComparisonOperator operator = opToken.type() == TokenType.WORD
                ? ComparisonOperator.fromKeyword(opToken.text()).orElse(null)
                : null;
        if (operator == null) {
            throw ODataException.at(opToken.position(),
                    "expected an operator (eq, ne, gt, ge, lt, le) after '" + field.name() + "' but found "
                            + opToken.describe());
        }
        if (!field.kind().operators().contains(operator)) {
            throw ODataException.at(opToken.position(),
                    "operator '" + operator.keyword() + "' is not allowed on field '" + field.name() + "'");
        }
        return new Comparison(field, operator, literal(field, operator, next()));
    }

    private Object literal(FilterField field, ComparisonOperator operator, Token token) {
        if (token.isWord("null")) {
            if (operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
                throw ODataException.at(token.position(), "null can only be compared with eq or ne");
            }
            return null;
        }
        return switch (field.kind()) {
            case STRING -> field.normaliser().apply(quoted(field, token));
            case ENUM -> enumValue(field, token);
            case INTEGER -> integer(field, token);
            case INSTANT -> instant(field, token);
            case COLLECTION -> throw new IllegalStateException("compared only inside any()");
        };
    }

    private String quoted(FilterField field, Token token) {
        if (token.type() != TokenType.STRING) {
            throw ODataException.at(token.position(),
                    "expected a single-quoted string for '" + field.name() + "' but found " + token.describe());
        }
        return token.text();
    }

    private String enumValue(FilterField field, Token token) {
        String value = quoted(field, token);
        if (!field.enumValues().contains(value)) {
            throw ODataException.at(token.position(), "'" + value + "' is not a valid value for '" + field.name()
                    + "'; allowed: " + String.join(", ", field.enumValues()));
        }
        return value;
    }

    /** A bare number that fits an int column (PostgreSQL's integer), as Defender writes {@code rbacGroupId eq 5}. */
    private Integer integer(FilterField field, Token token) {
        if (token.type() != TokenType.BARE || !INTEGER.matcher(token.text()).matches()) {
            throw ODataException.at(token.position(),
                    "expected a whole number for '" + field.name() + "' but found " + token.describe());
        }
        try {
            return Integer.valueOf(token.text());
        } catch (NumberFormatException e) {
            throw ODataException.at(token.position(), "'" + token.text() + "' is larger than " + Integer.MAX_VALUE);
        }
    }

    private Instant instant(FilterField field, Token token) {
        if (token.type() != TokenType.STRING && token.type() != TokenType.BARE) {
            throw ODataException.at(token.position(),
                    "expected an ISO-8601 instant for '" + field.name() + "' but found " + token.describe());
        }
        Instant instant;
        try {
            instant = parseInstant(token.text());
        } catch (DateTimeParseException e) {
            throw ODataException.at(token.position(), "'" + token.text() + "' is not an ISO-8601 instant"
                    + " (e.g. 2024-01-01T00:00:00Z)");
        }
        // Java reads years up to 999,999,999, PostgreSQL's timestamptz ends in 294276: keep to four digits.
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ODataException.at(token.position(), "'" + token.text() + "' is outside the years " + MIN_YEAR
                    + " to " + MAX_YEAR + " (UTC)");
        }
        return instant;
    }

    /** ISO-8601 with an offset, or a date alone (midnight UTC), as Defender's examples write it: 2026-11-01Z. */
    private static Instant parseInstant(String text) {
        if (DATE.matcher(text).matches()) {
            return LocalDate.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.END) {
            index++;
        }
        return token;
    }
}
