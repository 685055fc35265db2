package org.beholder.onvif;

/**
 * Anything that went wrong talking to a device. {@link #kind()} says what, so a host can show a precise status;
 * the message is for people and never contains credentials.
 */
public final class OnvifException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, each with its own remedy for the user. */
    public enum Kind {
        /** The device refused the user name or password (HTTP 401 after our answer, or a NotAuthorized fault). */
        WRONG_CREDENTIALS,
        /** The device answered a SOAP fault; {@link #faultReason()} holds its reason text. */
        SOAP_FAULT,
        /** No answer within the request timeout. */
        TIMEOUT,
        /** The host could not be reached (refused, no route, unknown name). */
        UNREACHABLE,
        /** The device does not offer the service or operation asked for. */
        SERVICE_MISSING,
        /** The answer was not the XML we expected (not XML, a DTD, too large, a missing element). */
        MALFORMED_ANSWER,
        /** An HTTP status that fits none of the above. */
        HTTP_ERROR
    }

    private final Kind kind;
    private final String faultReason;

    public OnvifException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public OnvifException(Kind kind, String message, String faultReason, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.faultReason = faultReason;
    }

    public Kind kind() {
        return kind;
    }

    /** The fault's reason text for {@link Kind#SOAP_FAULT} (and faults mapped to other kinds), else null. */
    public String faultReason() {
        return faultReason;
    }
}
