package org.beholder.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

class QrCodeTest {
    private static final String TEXT = "WIFI:S:beholder;T:WPA;P:let me in;;";

    /** A frame with the code drawn at (left, top), 4 pixels a module, on a mid-grey picture. */
    private static byte[] frameWithCode(String text, int left, int top) throws Exception {
        BitMatrix code = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
        byte[] gray = Frames.filled(128);
        int module = 4;
        for (int y = -4; y < code.getHeight() + 4; y++) { // with a white quiet zone
            for (int x = -4; x < code.getWidth() + 4; x++) {
                boolean dark = x >= 0 && y >= 0 && x < code.getWidth() && y < code.getHeight() && code.get(x, y);
                for (int dy = 0; dy < module; dy++) {
                    for (int dx = 0; dx < module; dx++) {
                        gray[(top + (y + 4) * module + dy) * Frames.WIDTH + left + (x + 4) * module + dx] =
                                (byte) (dark ? 10 : 245);
                    }
                }
            }
        }
        return gray;
    }

    @Test
    void readsTheExactTextOnceWhileItStaysInView() throws Exception {
        List<AnalyticsEvent> events = new ArrayList<>();
        ChannelAnalytics analytics = new ChannelAnalytics(new Frames.TriggerLog(),
                AnalyticsConfig.defaults().withQrCodes(true), null, Runnable::run);
        analytics.addListener(events::add);
        Instant time = Instant.parse("2026-11-21T12:00:00Z");
        byte[] withCode = frameWithCode(TEXT, 60, 30);
        for (int i = 0; i < 4; i++) {
            analytics.analyse(new Frames.Picture(time = time.plusSeconds(1), withCode));
        }
        List<String> seen = events.stream().filter(AnalyticsEvent.QrCodeSeen.class::isInstance)
                .map(e -> ((AnalyticsEvent.QrCodeSeen) e).text()).toList();
        assertEquals(List.of(TEXT), seen, "reported once while it stays in view");

        for (int i = 0; i < 3; i++) { // taken away
            analytics.analyse(new Frames.Picture(time = time.plusSeconds(1), Frames.filled(128)));
        }
        analytics.analyse(new Frames.Picture(time.plusSeconds(1), withCode)); // shown again
        assertEquals(2, events.stream().filter(AnalyticsEvent.QrCodeSeen.class::isInstance).count());
    }
}
