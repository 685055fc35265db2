package org.beholder.engine.internal.gst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void aDecoderErrorSaysTheCameraSendsCorruptData() {
        ErrorMessages.Failure failure = ErrorMessages.explain("avdec_h264-0", "Could not decode stream.",
                "cam.local:554");
        assertEquals("The stream from cam.local:554 cannot be decoded: the camera sends corrupt data (Could not"
                + " decode stream.)", failure.message());
        assertTrue(failure.userMustFix());
    }

    @Test
    void rtspsrcsUnhandledErrorBecomesASentenceWithoutIt() {
        ErrorMessages.Failure failure = ErrorMessages.explain("source", "Unhandled error", "cam.local:554");
        assertFalse(failure.message().contains("Unhandled error"), failure.message());
        assertTrue(failure.message().startsWith("The camera at cam.local:554 refused to play the stream"),
                failure.message());
    }
}
