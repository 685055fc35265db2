package org.beholder.engine.internal.gst;

import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.glib.Natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * Reads an appsink sample that holds a buffer list (appsink {@code buffer-list=true}). gst1-java-core 1.4 has no
 * BufferList type, so the few functions needed are bound directly. With {@code mpegtsmux alignment=0} one list
 * is one access unit: one call per frame instead of one per 188-byte packet.
 */
final class BufferLists {
    private static final int MINI_OBJECT_FLAGS_OFFSET = 16; // GType type; gint refcount; gint lockstate; guint flags
    private static final int BUFFER_PTS_OFFSET = 72; // GstMiniObject (64 bytes) + GstBufferPool *pool
    private static final int BUFFER_DTS_OFFSET = 80;
    private static final int DELTA_UNIT_FLAG = 1 << 13; // GST_BUFFER_FLAG_DELTA_UNIT
    private static final long CLOCK_TIME_NONE = -1;

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
