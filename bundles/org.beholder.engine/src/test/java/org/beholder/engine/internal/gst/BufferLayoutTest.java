package org.beholder.engine.internal.gst;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beholder.engine.internal.gst.BufferLists.Layout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BufferLayoutTest {

    @BeforeAll
    static void gstreamer() {
        GstRuntime.ensureInitialised(); // runs the check once; it would throw here on a mismatch
    }

    @Test
    void theOffsetsReadARealBuffersFlagsAndTimestampsHere() {
        BufferLists.verifyLayout();
    }

    @Test
    void swappedTimestampOffsetsAreNamed() {
        Layout layout = BufferLists.LAYOUT;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BufferLists
                .verifyLayout(new Layout(layout.flagsOffset(), layout.dtsOffset(), layout.ptsOffset())));
        assertTrue(e.getMessage().contains("GstBuffer pts at offset 80 reads 0x") && e.getMessage().contains(
                "GstBuffer dts at offset 72 reads 0x"), e.getMessage());
        assertFalse(e.getMessage().contains("flags"), "the flags were read right: " + e.getMessage());
    }

    @Test
    void aFlagsOffsetOfA32BitSystemIsCaught() {
        Layout layout = BufferLists.LAYOUT;
        // 32-bit: GType is 4 bytes, so flags sit at 12 and everything after moves too
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BufferLists
                .verifyLayout(new Layout(12, layout.ptsOffset(), layout.dtsOffset())));
        assertTrue(e.getMessage().startsWith("This GStreamer's buffers are laid out differently from what Beholder"
                + " reads (GstBuffer flags at offset 12 reads 0x"), e.getMessage());
    }

    @Test
    void aTimestampReadOneSlotLateReadsTheDuration() {
        Layout layout = BufferLists.LAYOUT;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BufferLists
                .verifyLayout(new Layout(layout.flagsOffset(), layout.ptsOffset(), layout.dtsOffset() + 8)));
        String readsDurationInsteadOfDts = "GstBuffer dts at offset 88 reads 0x" + Long.toHexString(3_333_333_333_333L)
                + " instead of 0x" + Long.toHexString(2_222_222_222_222L);
        assertTrue(e.getMessage().contains(readsDurationInsteadOfDts), e.getMessage());
    }
}
