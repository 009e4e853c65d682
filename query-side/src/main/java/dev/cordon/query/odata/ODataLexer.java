package dev.cordon.query.odata;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code $filter} into tokens; any character outside the small grammar is rejected here. */
final class ODataLexer {

    private final String input;
    private int pos;

    private ODataLexer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) {
        return new ODataLexer(input).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= input.length()) {
                tokens.add(new Token(TokenType.END, "", pos));
                return tokens;
            }
            char c = input.charAt(pos);
            if (c == '(') {
                tokens.add(new Token(TokenType.OPEN, "(", pos++));
            } else if (c == ')') {
                tokens.add(new Token(TokenType.CLOSE, ")", pos++));
            } else if (c == ',') {
                tokens.add(new Token(TokenType.COMMA, ",", pos++));
            } else if (c == '/') {
                tokens.add(new Token(TokenType.SLASH, "/", pos++));
            } else if (c == ':') {
                tokens.add(new Token(TokenType.COLON, ":", pos++));
            } else if (c == '\'') {
                tokens.add(string());
            } else if (isAsciiLetter(c) || c == '_') {
                tokens.add(word());
            } else if (isDigit(c)) {
                tokens.add(bare());
            } else {
                throw ODataException.at(pos, "unexpected character '" + printable(c) + "'");
            }
        }
    }

    private Token string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c < 0x20) {
                // No column value holds one, and U+0000 would fail in PostgreSQL instead of matching nothing.
                throw ODataException.at(pos - 1, "control character '" + printable(c) + "' in string literal");
            }
            if (c != '\'') {
                value.append(c);
            } else if (pos < input.length() && input.charAt(pos) == '\'') {
                value.append('\'');
                pos++;
            } else {
                return new Token(TokenType.STRING, value.toString(), start);
            }
        }
        throw ODataException.at(start, "unterminated string literal");
    }

    private Token word() {
        int start = pos;
        while (pos < input.length() && (isAsciiLetter(input.charAt(pos)) || isDigit(input.charAt(pos))
                || input.charAt(pos) == '_')) {
            pos++;
        }
        return new Token(TokenType.WORD, input.substring(start, pos), start);
    }

    /** Digits, letters and the punctuation of ISO-8601 date-times ({@code -:.+}). */
    private Token bare() {
        int start = pos;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (!(isAsciiLetter(c) || isDigit(c) || c == '-' || c == ':' || c == '.' || c == '+')) {
                break;
            }
            pos++;
        }
        return new Token(TokenType.BARE, input.substring(start, pos), start);
    }

    private void skipWhitespace() {
        while (pos < input.length() && (input.charAt(pos) == ' ' || input.charAt(pos) == '\t'
                || input.charAt(pos) == '\r' || input.charAt(pos) == '\n')) {
            pos++;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
