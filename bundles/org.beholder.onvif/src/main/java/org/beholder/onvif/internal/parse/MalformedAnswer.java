package org.beholder.onvif.internal.parse;

import org.beholder.onvif.OnvifException;

/** Builds the error for an answer that lacks what the operation must return. */
public final class MalformedAnswer {
    private MalformedAnswer() {
    }

    public static OnvifException missing(String operation, String element) {
        return new OnvifException(OnvifException.Kind.MALFORMED_ANSWER,
                operation + ": the answer has no " + element);
    }
}
