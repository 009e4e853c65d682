package dev.cordon.query.odata;

/** One lexical token; {@code position} is the 0-based offset of its first character in the filter. */
record Token(TokenType type, String text, int position) {

    boolean isWord(String keyword) {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    String describe() {
        return switch (type) {
            case END -> "end of filter";
            case STRING -> "string '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
