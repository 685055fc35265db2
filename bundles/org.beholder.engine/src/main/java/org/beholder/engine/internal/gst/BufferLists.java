package org.beholder.engine.internal.gst;

import java.util.ArrayList;
import java.util.List;

import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.glib.Natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * Reads an appsink sample that holds a buffer list (appsink {@code buffer-list=true}). gst1-java-core 1.4 has no
 * BufferList type, so the few functions needed are bound directly. With {@code mpegtsmux alignment=0} one list
 * is one access unit: one call per frame instead of one per 188-byte packet. A buffer's flags and timestamps are
 * read at fixed offsets (they are C macros, not functions); {@link #verifyLayout()} checks those offsets once.
 */
final class BufferLists {
    private static final int MINI_OBJECT_FLAGS_OFFSET = 16; // GType type; gint refcount; gint lockstate; guint flags
    private static final int BUFFER_PTS_OFFSET = 72; // GstMiniObject (64 bytes) + GstBufferPool *pool
    private static final int BUFFER_DTS_OFFSET = 80;
    private static final int DELTA_UNIT_FLAG = 1 << 13; // GST_BUFFER_FLAG_DELTA_UNIT
    private static final int DISCONT_FLAG = 1 << 6; // GST_BUFFER_FLAG_DISCONT
    private static final long CLOCK_TIME_NONE = -1;

    /** Where the fields are read: 64-bit GStreamer 1.x. */
    record Layout(int flagsOffset, int ptsOffset, int dtsOffset) {
    }

    static final Layout LAYOUT = new Layout(MINI_OBJECT_FLAGS_OFFSET, BUFFER_PTS_OFFSET, BUFFER_DTS_OFFSET);

    static {
        Native.register(BufferLists.class, NativeLibrary.getInstance("gstreamer-1.0"));
    }

    private BufferLists() {
    }

    // Addresses as long: primitive-only direct calls are JNA's cheapest path, and these run ~6,000 times a second.
    private static native long gst_sample_get_buffer_list(long sample);

    private static native long gst_sample_get_buffer(long sample);

    private static native int gst_buffer_list_length(long list);

    private static native long gst_buffer_list_get(long list, int index);

    private static native long gst_buffer_list_calculate_size(long list);

    private static native long gst_buffer_get_size(long buffer);

    private static native long gst_buffer_extract(long buffer, long offset, long dest, long size);

    private static native int gst_buffer_get_flags(long buffer);

    private static native int gst_buffer_set_flags(long buffer, int flags);

    /**
     * Checks that {@link #LAYOUT} reads a real GstBuffer's flags and timestamps; run once when GStreamer is
     * initialised, because a 32-bit system or another GStreamer build would otherwise be misread silently (every
     * frame a keyframe, or none, and wrong timestamps).
     *
     * @throws IllegalStateException naming each field that is not where it is read
     */
    static void verifyLayout() {
        verifyLayout(LAYOUT);
    }

    /** Sets known values through GStreamer (flags) and gst1-java-core's platform-aware struct (timestamps). */
    static void verifyLayout(Layout layout) {
        Buffer buffer = new Buffer(0);
        try {
            long raw = Pointer.nativeValue(Natives.getRawPointer(buffer));
            gst_buffer_set_flags(raw, DELTA_UNIT_FLAG | DISCONT_FLAG);
            buffer.setPresentationTimestamp(1_111_111_111_111L);
            buffer.setDecodeTimestamp(2_222_222_222_222L);
            buffer.setDuration(3_333_333_333_333L); // a field read one slot off would read this instead
            Pointer fields = new Pointer(raw);
            List<String> wrong = new ArrayList<>();
            check(wrong, "flags", layout.flagsOffset(), fields.getInt(layout.flagsOffset()), gst_buffer_get_flags(raw));
            check(wrong, "pts", layout.ptsOffset(), fields.getLong(layout.ptsOffset()),
                    buffer.getPresentationTimestamp());
            check(wrong, "dts", layout.dtsOffset(), fields.getLong(layout.dtsOffset()), buffer.getDecodeTimestamp());
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("This GStreamer's buffers are laid out differently from what Beholder"
                        + " reads (" + String.join("; ", wrong) + "); Beholder supports 64-bit GStreamer 1.18 or later"
                        + " (" + System.getProperty("os.arch") + " here)");
            }
        } finally {
            buffer.dispose();
        }
    }

    private static void check(List<String> wrong, String field, int offset, long read, long expected) {
        if (read != expected) {
            wrong.add(String.format("GstBuffer %s at offset %d reads 0x%x instead of 0x%x", field, offset, read,
                    expected));
        }
    }

    /** One access unit read out of a sample; {@code timeNanos} is -1 when the buffer had no timestamp. */
    record AccessUnit(byte[] data, boolean keyframe, long timeNanos) {
    }

    /** A reusable native scratch area per pipeline; only the appsink's streaming thread uses it. */
    static final class Reader {
        private Memory scratch = new Memory(256 * 1024);

        AccessUnit read(Sample sample) {
            long raw = Pointer.nativeValue(Natives.getRawPointer(sample));
            long list = gst_sample_get_buffer_list(raw);
            if (list == 0) {
                long buffer = gst_sample_get_buffer(raw);
                if (buffer == 0) {
                    return null;
                }
                ensure(gst_buffer_get_size(buffer));
                long copied = gst_buffer_extract(buffer, 0, Pointer.nativeValue(scratch), scratch.size());
                return new AccessUnit(scratch.getByteArray(0, (int) copied), isKeyframe(buffer), time(buffer));
            }
            int count = gst_buffer_list_length(list);
            if (count == 0) {
                return null;
            }
            ensure(gst_buffer_list_calculate_size(list));
            long base = Pointer.nativeValue(scratch);
            long capacity = scratch.size();
            long offset = 0;
            for (int i = 0; i < count; i++) { // two native calls per 188-byte packet
                offset += gst_buffer_extract(gst_buffer_list_get(list, i), 0, base + offset, capacity - offset);
            }
            long first = gst_buffer_list_get(list, 0);
            return new AccessUnit(scratch.getByteArray(0, (int) offset), isKeyframe(first), time(first));
        }

        private void ensure(long size) {
            if (scratch.size() < size) {
                scratch = new Memory(Math.max(size, scratch.size() * 2));
            }
        }
    }

    private static boolean isKeyframe(long buffer) {
        return (new Pointer(buffer).getInt(MINI_OBJECT_FLAGS_OFFSET) & DELTA_UNIT_FLAG) == 0;
    }

    /** Decode time when the buffer has one (monotonic even with B-frames), else presentation time, else -1. */
    private static long time(long buffer) {
        Pointer fields = new Pointer(buffer);
        long dts = fields.getLong(BUFFER_DTS_OFFSET);
        return dts != CLOCK_TIME_NONE ? dts : fields.getLong(BUFFER_PTS_OFFSET);
    }
}
