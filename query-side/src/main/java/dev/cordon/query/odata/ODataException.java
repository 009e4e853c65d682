package dev.cordon.query.odata;

import dev.cordon.events.error.ErrorCode;
import dev.cordon.service.error.ApiException;

/** A query option that cannot be accepted; answered as 400 {@code ODataError}. */
public class ODataException extends ApiException {

    public ODataException(String message) {
        super(ErrorCode.ODataError, message);
    }

    static ODataException at(int position, String message) {
        return new ODataException("Invalid $filter at position " + position + ": " + message);
    }
}
