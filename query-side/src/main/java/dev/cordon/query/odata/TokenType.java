package dev.cordon.query.odata;

enum TokenType {
    /** A field name, keyword or operator: the parser decides which by where it stands. */
    WORD,
    /** A single-quoted string, quotes removed and {@code ''} unescaped. */
    STRING,
    /** An unquoted literal that starts with a digit, e.g. an ISO-8601 instant. */
    BARE,
    OPEN,
    CLOSE,
    /** Between a function's arguments: {@code startswith(computerDnsName,'ws-')}. */
    COMMA,
    /** Between a collection field and {@code any}: {@code machineTags/any(tag: tag eq 'x')}. */
    SLASH,
    /** Between a lambda's variable and its condition. */
    COLON,
    END
}
