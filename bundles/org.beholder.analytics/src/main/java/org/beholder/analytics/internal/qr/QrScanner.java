package org.beholder.analytics.internal.qr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

/**
 * Reads QR codes from the full-resolution luma of keyframes with ZXing and reports each text once when it comes
 * into view. A code counts as gone after it was missing from {@value #GONE_AFTER} keyframes in a row, so one
 * unreadable keyframe (motion blur) does not make it "appear" again.
 */
public final class QrScanner {
    static final int GONE_AFTER = 3;

    private final QRCodeMultiReader reader = new QRCodeMultiReader();
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    private final Map<String, Integer> missing = new HashMap<>();

    public QrScanner() {
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    }

    /** Texts that came into view in this keyframe. */
    public List<String> scan(byte[] luma, int width, int height) {
        List<String> seen = new ArrayList<>();
        try {
            PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(luma, width, height, 0, 0, width, height,
                    false);
            for (Result result : reader.decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints)) {
                seen.add(result.getText());
            }
        } catch (ReaderException | RuntimeException e) {
            // nothing readable in this keyframe (no code, or a damaged one): treat as not seen
        }
        List<String> appeared = new ArrayList<>();
        for (String text : seen) {
            if (missing.put(text, 0) == null) {
                appeared.add(text);
            }
        }
        missing.replaceAll((text, count) -> seen.contains(text) ? 0 : count + 1);
        missing.values().removeIf(count -> count >= GONE_AFTER);
        return appeared;
    }
}
