package dev.cordon.query.odata;

/** A query option that cannot be accepted; answered as 400 {@code ODataError}. */
public class ODataException extends RuntimeException {

    public ODataException(String message) {
        super(message);
    }

    static ODataException at(int position, String message) {
        return new ODataException("Invalid $filter at position " + position + ": " + message);
    }
}
